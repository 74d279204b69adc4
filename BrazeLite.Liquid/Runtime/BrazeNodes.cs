using System.Text;
using System.Text.Json;

namespace BrazeLite.Liquid.Runtime;

internal sealed class AbortNode(Expr? reason) : Node
{
    public override void Render(RenderState st, StringBuilder sb)
    {
        var r = reason?.Eval(st);
        throw new LiquidAbortException(r is null ? null : LiquidValues.ToOutputString(r));
    }
}

internal sealed class ConnectedContentNode(Node[] url, string? saveAs) : Node
{
    public override void Render(RenderState st, StringBuilder sb)
    {
        var urlText = new StringBuilder();
        Nodes.RenderBody(url, st, urlText);
        st.At(Line, Column);
        var u = urlText.ToString().Trim();
        var samples = st.Shared.Context.ConnectedContentSamples;
        if (!samples.TryGetValue(u, out var response))
        {
            var q = u.IndexOf('?', StringComparison.Ordinal);
            if (q < 0 || !samples.TryGetValue(u[..q], out response)) response = null;
        }
        if (response is null)
        {
            st.AddWarning($"connected_content is not called in a preview and no sample response is set for {u}", Line, Column, "cc:" + u);
            if (saveAs is not null) st.SetGlobal(saveAs, null);
            return;
        }
        st.AddWarning($"connected_content is not called in a preview; the sample response for {u} is used", Line, Column, "cc:" + u);
        if (saveAs is null)
        {
            st.Write(sb, response);
            return;
        }
        object? value = response;
        try
        {
            using var doc = JsonDocument.Parse(response);
            value = LiquidValues.FromClr(doc.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON: Braze saves the body as text.
        }
        st.SetGlobal(saveAs, value);
    }
}
