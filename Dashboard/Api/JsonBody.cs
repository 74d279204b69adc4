using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Api;

/// <summary>
/// Reads a REST request's JSON body, saying exactly what is wrong with one that cannot be read, and the hash an
/// <c>Idempotency-Key</c> is checked against.
/// </summary>
public sealed record JsonBody(JsonObject Root, string? Hash)
{
    /// <summary>Bodies above this are refused before parsing (50 recipients with 50 KB of properties each fit).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The body as a JSON object, or the error to answer; hashed only when <paramref name="hash"/> (an idempotency key came).</summary>
    public static async Task<(JsonBody? Body, BrazeError? Error, int Status)> ReadAsync(HttpRequest request, CancellationToken ct, bool hash = false)
    {
        if (request.ContentType is { Length: > 0 } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new BrazeError("Unsupported Media Type", [$"Send the body as JSON with Content-Type: application/json, not {type}."]), 415);
        }
        if (request.ContentLength > MaxBytes)
        {
            return (null, new BrazeError("Payload Too Large", [$"The body has {request.ContentLength:N0} bytes; at most {MaxBytes:N0}."]), 413);
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return (null, new BrazeError("Payload Too Large", [$"The body has more than {MaxBytes:N0} bytes."]), 413);
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Length == 0)
        {
            return (null, new BrazeError("Bad Request", ["The body is empty; send a JSON object."]), 400);
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes.Span, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return (null, new BrazeError("Bad Request", [$"The body is not valid JSON: {Describe(e)}"]), 400);
        }
        if (root is not JsonObject obj)
        {
            return (null, new BrazeError("Bad Request", ["The body must be a JSON object."]), 400);
        }
        return (new JsonBody(obj, hash ? HashOf(request.Method, request.Path, bytes.Span) : null), null, 200);
    }

    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }
        return e.LineNumber is { } line ? $"{message.TrimEnd('.')} (line {line + 1}, byte {e.BytePositionInLine + 1})." : message;
    }

    private static string HashOf(string method, string path, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{method} {path}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
