using System.Text;
using System.Text.Json;
using BrazeLite.Liquid.Braze;

namespace BrazeLite.Liquid.Runtime;

internal sealed class AbortNode(Expr? reason) : Node
{
    public override void Render(RenderState st, StringBuilder sb)
    {
        var r = reason?.Eval(st);
        throw new LiquidAbortException(r is null ? null : LiquidValues.ToOutputString(r));
    }
}

/// <summary>The options of one <c>connected_content</c> tag; the URL, body and headers may hold Liquid.</summary>
internal sealed class ConnectedContentOptions
{
    public required Node[] Url;
    public string Method = "GET";
    public Node[]? Headers;
    public Node[]? Body;
    public string? ContentType;
    public string? BasicAuth;
    public bool Retry;
    public TimeSpan? CacheMaxAge;
    public string? SaveAs;
}

internal sealed class ConnectedContentNode(ConnectedContentOptions options) : Node
{
    protected override bool MayAwait() => true;

    public override void Render(RenderState st, StringBuilder sb)
    {
        var request = Request(st);
        var pending = st.Shared.Context.ConnectedContent.ResolveAsync(request, st.Shared.Token);
        if (!pending.IsCompleted)
        {
            // The synchronous render never blocks a thread on a network call.
            _ = pending.AsTask();
            throw st.Error($"connected_content {request.Url} needs a network call: render this template with RenderAsync");
        }
        Apply(st, sb, request, pending.GetAwaiter().GetResult());
    }

    public override async ValueTask RenderAsync(RenderState st, StringBuilder sb)
    {
        var request = Request(st);
        var pending = st.Shared.Context.ConnectedContent.ResolveAsync(request, st.Shared.Token);
        ConnectedContentResponse response;
        if (pending.IsCompleted)
        {
            response = pending.GetAwaiter().GetResult();
        }
        else
        {
            // The render may resume on another thread: carry the bytes allocated so far over to its counter.
            var allocated = GC.GetAllocatedBytesForCurrentThread() - st.Shared.AllocatedAtStart;
            response = await pending;
            st.Shared.AllocatedAtStart = GC.GetAllocatedBytesForCurrentThread() - allocated;
        }
        Apply(st, sb, request, response);
    }

    private ConnectedContentRequest Request(RenderState st)
    {
        var url = RenderText(st, options.Url).Trim();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (options.Headers is not null)
        {
            var text = RenderText(st, options.Headers);
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException();
                foreach (var header in doc.RootElement.EnumerateObject())
                    headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
            }
            catch (JsonException)
            {
                throw st.Error($"connected_content :headers must be a JSON object of header names to values, not {text}");
            }
        }
        var body = options.Body is null ? null : RenderText(st, options.Body).Trim();
        st.At(Line, Column);
        return new ConnectedContentRequest(url, options.Method, headers, body, options.ContentType, options.BasicAuth,
            options.Retry, options.CacheMaxAge, options.SaveAs);
    }

    private string RenderText(RenderState st, Node[] nodes)
    {
        var text = new StringBuilder();
        Nodes.RenderBody(nodes, st, text);
        st.At(Line, Column);
        return text.ToString();
    }

    private void Apply(RenderState st, StringBuilder sb, ConnectedContentRequest request, ConnectedContentResponse response)
    {
        if (response.Warning is { } warning) st.AddWarning(warning, Line, Column, "cc:" + request.Url);
        var body = response.Body;
        if (options.SaveAs is not { } saveAs)
        {
            // Braze writes nothing for a failed call.
            if (body is not null && response.IsSuccess) st.Write(sb, body);
            return;
        }
        if (body is null)
        {
            st.SetGlobal(saveAs, null);
            return;
        }
        object? value = body;
        try
        {
            using var doc = JsonDocument.Parse(body);
            value = LiquidValues.FromClr(doc.RootElement);
            // Braze tells the template how the call went inside the saved object.
            if (response.StatusCode != 0 && value is IDictionary<string, object?> hash)
                hash["__http_status_code__"] = (long)response.StatusCode;
        }
        catch (JsonException)
        {
            // Not JSON: Braze saves the body as text.
        }
        st.SetGlobal(saveAs, value);
    }
}
