using BenchmarkDotNet.Running;
using BrazeLite.Liquid.Benchmarks;
using BrazeLite.Liquid.Specs;

switch (args)
{
    case ["--check"]:
        // Runs the set-up (with its output comparison) once, without measuring anything.
        new LiquidBenchmarks().Setup();
        Console.WriteLine($"All three engines render the same output. {Scenarios.Describe()}.");
        return 0;
    case ["--compare", ..]:
        var specs = args is [_, "--specs", var dir] ? dir : LiquidSpecFiles.FindDirectory(Environment.CurrentDirectory);
        return EngineComparison.Run(specs);
    case ["--ruby-cases", var file]:
        return BrazeLite.Liquid.Benchmarks.RubyCases.RubyCaseComparison.Run(file);
    case ["--deep", var engine]:
        return EngineComparison.Deep(engine);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(LiquidBenchmarks).Assembly).Run(args);
        return 0;
}
