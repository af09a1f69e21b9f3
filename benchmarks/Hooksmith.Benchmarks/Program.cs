using BenchmarkDotNet.Running;

namespace Hooksmith.Benchmarks;

internal static class Program
{
    // Before handing over to BenchmarkDotNet, `--check` binds every payload once with every contender
    // and prints what each one concluded, so a wiring mistake shows up without a benchmark run.
    private static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--check")
        {
            var binding = BindingBenchmarks.Check();
            var dispatch = DispatchBenchmarks.Check();
            return binding != 0 ? binding : dispatch;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
