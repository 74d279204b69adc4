// Small helpers the dashboard's components call; no inline script is allowed (the content security policy).
window.brazeLite = {
    // Moves focus to the field a problem is about, in the editor's open step: the invalid field whose message is the
    // problem's, else the step's first invalid field, else the step itself. Returns whether a field got focus.
    focusProblem: function (message) {
        const panel = document.querySelector(".campaign-editor [role=tabpanel]");
        if (!panel) {
            return false;
        }
        const fields = Array.from(panel.querySelectorAll("[aria-invalid=true]"));
        const speaksOf = function (field) {
            const box = field.closest(".mud-input-control") || field.parentElement;
            return message && box && box.textContent.indexOf(message) >= 0;
        };
        const target = fields.find(speaksOf) || fields[0];
        if (target) {
            target.focus();
            target.scrollIntoView({ block: "center" });
            return true;
        }
        panel.focus();
        return false;
    }
};
