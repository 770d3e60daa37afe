using System;
using System.Collections.Generic;
using System.IO;
using DeviceFirmware.Fuzz;
using DeviceFirmware.Fuzz.Harnesses;
using SharpFuzz;

// DeviceFirmware.Fuzz <harness>                       the AFL++ target (build/fuzz/run.sh starts it under afl-fuzz)
// DeviceFirmware.Fuzz <harness> --replay PATH...      runs each file (or each file of a folder) once; exit 1 on a finding
// DeviceFirmware.Fuzz seeds FRAMES_TSV OUT_DIR        writes every harness's seed corpus to OUT_DIR/<harness>/
if (args.Length == 3 && args[0] == "seeds")
{
    foreach (string name in HarnessCatalog.Names)
    {
        string dir = Path.Combine(args[2], name);
        Directory.CreateDirectory(dir);
        foreach ((string seed, byte[] data) in SeedCorpus.For(name, args[1])) File.WriteAllBytes(Path.Combine(dir, seed), data);
    }

    return 0;
}

if (args.Length < 1 || !((IList<string>)HarnessCatalog.Names).Contains(args[0]) || (args.Length > 1 && args[1] != "--replay"))
{
    Console.Error.WriteLine($"usage: DeviceFirmware.Fuzz <{string.Join('|', HarnessCatalog.Names)}> [--replay PATH...] | seeds FRAMES_TSV OUT_DIR");
    return 2;
}

if (args.Length == 1)
{
    // Instrumented code may run only inside the fuzzing loop (before it, AFL's coverage map is not mapped yet):
    // the harness is made on the first input.
    IFuzzHarness? target = null;
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        target ??= HarnessCatalog.Create(args[0]);
        target.Run(copy.ToArray());
    });
    return 0;
}

IFuzzHarness harness = HarnessCatalog.Create(args[0]);

int findings = 0;
int runs = 0;
for (int i = 2; i < args.Length; i++)
{
    string[] files = Directory.Exists(args[i]) ? Directory.GetFiles(args[i]) : new[] { args[i] };
    foreach (string file in files)
    {
        runs++;
        try
        {
            harness.Run(File.ReadAllBytes(file));
        }
#pragma warning disable CA1031 // a replay reports every failure, whatever its type, and goes on
        catch (Exception e)
#pragma warning restore CA1031
        {
            findings++;
            Console.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
        }
    }
}

Console.WriteLine($"{harness.Name}: {runs} inputs, {findings} findings");
return findings == 0 ? 0 : 1;
