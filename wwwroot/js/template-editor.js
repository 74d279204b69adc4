// Marks Liquid errors and warnings in a template's code editor (BlazorMonaco 3.0 has no setModelMarkers).
window.brazeLiteTemplateEditor = {
    // Inserts text at the cursor (replacing a selection) and gives the editor the focus back; false without the editor.
    insertAtCursor: function (editorId, text) {
        const editor = window.blazorMonaco && window.blazorMonaco.editor.getEditor(editorId, true);
        if (!editor) {
            return false;
        }
        editor.executeEdits("personalization", [{ range: editor.getSelection(), text: text, forceMoveMarkers: true }]);
        editor.focus();
        return true;
    },
    setMarkers: function (editorId, markers) {
        const editor = window.blazorMonaco && window.blazorMonaco.editor.getEditor(editorId, true);
        if (!editor || !window.monaco) {
            return;
        }
        const model = editor.getModel();
        if (!model) {
            return;
        }
        monaco.editor.setModelMarkers(model, "liquid-preview", markers.map(function (m) {
            const line = Math.min(Math.max(1, m.line), model.getLineCount());
            const column = Math.max(1, m.column);
            return {
                severity: m.isError ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
                message: m.message,
                startLineNumber: line,
                startColumn: column,
                endLineNumber: line,
                endColumn: Math.max(column + 1, model.getLineMaxColumn(line))
            };
        }));
    }
};
