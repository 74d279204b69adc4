using System.Globalization;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace BrazeLite.Liquid.Benchmarks;

/// <summary>
/// Fluid.Core 2.41.1 set up the way an application would use it for the scenarios and the spec cases: one
/// parser, invariant culture, dictionaries and lists passed as they are.
/// </summary>
public static class FluidEngine
{
    public static readonly FluidParser Parser = new();

    public static TemplateOptions Options(IReadOnlyDictionary<string, string>? partials = null, DateTimeOffset? now = null)
    {
        var options = new TemplateOptions { CultureInfo = CultureInfo.InvariantCulture };
        if (partials is not null) options.FileProvider = new PartialFiles(partials);
        if (now is { } frozen) options.Now = () => frozen;
        return options;
    }

    public static IFluidTemplate Parse(string source) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException("the benchmark template does not parse in Fluid: " + error);

    public static TemplateContext Context(IReadOnlyDictionary<string, object?> values, TemplateOptions options)
    {
        var context = new TemplateContext(options);
        foreach (var (key, value) in values) context.SetValue(key, FluidValue.Create(value, options));
        return context;
    }

    /// <summary>Spec partials served to <c>render</c> and <c>include</c> from memory.</summary>
    private sealed class PartialFiles(IReadOnlyDictionary<string, string> files) : IFileProvider
    {
        public IFileInfo GetFileInfo(string subpath)
        {
            var name = subpath.TrimStart('/');
            if (files.TryGetValue(name, out var text)
                || (name.EndsWith(".liquid", StringComparison.Ordinal) && files.TryGetValue(name[..^".liquid".Length], out text)))
                return new PartialFile(name, text);
            return new NotFoundFileInfo(name);
        }

        public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

        public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
    }

    private sealed class PartialFile(string name, string text) : IFileInfo
    {
        private readonly byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
        public bool Exists => true;
        public long Length => bytes.Length;
        public string? PhysicalPath => null;
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }
}
