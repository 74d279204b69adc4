using System.Text;
using System.Text.Json;

namespace BrazeLite.Liquid.Runtime;

internal abstract class Node
{
    public int Line;
    public int Column;

    /// <summary>Renders nothing visible (assign, comment, whitespace...): lets block tags drop whitespace-only text.</summary>
    public virtual bool Blank => false;

    public abstract void Render(RenderState st, StringBuilder sb);

    private int _async; // 0 not yet known, 1 synchronous, 2 may await

    /// <summary>
    /// Whether rendering this node may wait on <c>connected_content</c> (it is one, or holds one, or renders a partial):
    /// only such nodes take <see cref="RenderAsync"/> in an asynchronous render; everything else renders synchronously.
    /// </summary>
    public bool IsAsync
    {
        get
        {
            if (_async == 0) _async = MayAwait() ? 2 : 1;
            return _async == 2;
        }
    }

    /// <summary>Whether this node may await; block nodes answer for their bodies.</summary>
    protected virtual bool MayAwait() => false;

    /// <summary>Renders the node on the asynchronous path; nodes that never await render synchronously.</summary>
    public virtual ValueTask RenderAsync(RenderState st, StringBuilder sb)
    {
        Render(st, sb);
        return ValueTask.CompletedTask;
    }
}

internal static class Nodes
{
    public static void RenderBody(Node[] body, RenderState st, StringBuilder sb)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var node in body)
        {
            st.At(node.Line, node.Column);
            st.Step();
            try
            {
                node.Render(st, sb);
            }
            catch (LiquidRenderException e) when (!e.Fatal && st.Options.InlineErrors)
            {
                WriteInline(e, node, st, sb);
            }
            if (st.Interrupt != Interrupt.None) return;
        }
    }

    /// <summary>
    /// <see cref="RenderBody"/> for an asynchronous render: nodes that may await are awaited, the rest render as on the
    /// synchronous path.
    /// </summary>
    public static async ValueTask RenderBodyAsync(Node[] body, RenderState st, StringBuilder sb)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var node in body)
        {
            st.At(node.Line, node.Column);
            st.Step();
            try
            {
                if (node.IsAsync || st.Shared.EveryNodeAsync) await node.RenderAsync(st, sb);
                else node.Render(st, sb);
            }
            catch (LiquidRenderException e) when (!e.Fatal && st.Options.InlineErrors)
            {
                WriteInline(e, node, st, sb);
            }
            if (st.Interrupt != Interrupt.None) return;
        }
    }

    /// <summary>
    /// Records an error caught at <paramref name="node"/> and writes it in Ruby's words, unless the node is blank (an
    /// <c>assign</c>, a <c>capture</c>, a block whose every body is blank): Ruby records such errors without writing them.
    /// </summary>
    private static void WriteInline(LiquidRenderException e, Node node, RenderState st, StringBuilder sb)
    {
        st.Shared.Errors.Add(e.ToDiagnostic());
        if (!node.Blank) st.Write(sb, e.InlineText(st.Options.LineNumbers));
    }

    public static bool AnyAsync(Node[] body)
    {
        foreach (var n in body)
            if (n.IsAsync) return true;
        return false;
    }

    public static bool IsBlank(Node[] body) => body.All(n => n.Blank);

    public static Node[] RemoveBlankStrings(Node[] body) => body.Where(n => n is not TextNode).ToArray();

    public static LiquidTemplate LoadPartial(RenderState st, string name)
    {
        if (st.Shared.PartialCache.TryGetValue(name, out var cached)) return cached;
        if (!st.Shared.Context.Partials.TryGetPartial(name, out var source))
            throw st.Error($"Could not find partial '{name}'", $"Could not find asset {name}");
        var result = LiquidTemplate.Parse(source, st.Options.PartialParseOptions with { Name = name });
        if (result.Template is null)
        {
            var first = result.Errors[0];
            var message = first.Message.Replace("Liquid syntax error: ", "", StringComparison.Ordinal);
            // Ruby writes the partial's own error without our position suffix: "Liquid syntax error (p line 2): ...".
            var at = message.LastIndexOf(" at line ", StringComparison.Ordinal);
            throw new LiquidRenderException($"syntax error in partial '{name}': {message}", st.Line, st.Column, st.Source, rubyDescription: at < 0 ? message : message[..at])
            {
                SyntaxErrorIn = (name, first.Line),
            };
        }
        foreach (var w in result.Warnings) st.Shared.Warnings.Add(w);
        st.Shared.PartialCache[name] = result.Template;
        return result.Template;
    }

    public static void CheckDepth(RenderState st)
    {
        if (st.Depth + 1 > st.Options.MaxPartialDepth)
            throw st.Error($"Nesting too deep: more than {st.Options.MaxPartialDepth} nested include/render (MaxPartialDepth)", "Nesting too deep");
    }

    /// <summary><c>{{content_blocks.${name}}}</c>: the partial rendered in the current scope, as Braze inserts a content block.</summary>
    public static string RenderContentBlock(RenderState st, string name, int line, int column)
    {
        CheckDepth(st);
        var template = LoadPartial(st, name);
        var sb = new StringBuilder();
        var oldSource = st.Source;
        st.Source = name;
        st.Depth++;
        try
        {
            RenderBody(template.Root, st, sb);
        }
        finally
        {
            st.Depth--;
            st.Source = oldSource;
            st.At(line, column);
        }
        return sb.ToString();
    }

    public static long ToInt(RenderState st, object? v, int line, int column)
    {
        try
        {
            return LiquidValues.ToInteger(v);
        }
        catch (LiquidFilterException e)
        {
            throw new LiquidRenderException(e.Message, line, column, st.Source);
        }
    }
}
