using BenchmarkDotNet.Running;
using BrazeLite.Liquid.Benchmarks;

if (args is ["--check"])
{
    // Runs the set-up (with its output comparison) once, without measuring anything.
    new LiquidBenchmarks().Setup();
    Console.WriteLine($"Both engines render the same output. {Scenarios.Describe()}.");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LiquidBenchmarks).Assembly).Run(args);
