using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeviceFirmware.Fuzz;
using DeviceFirmware.Fuzz.Harnesses;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Protocol.Products;
using Xunit;

namespace DeviceFirmware.Tests.Fuzz
{
    /// <summary>
    /// The bounded smoke of every fuzz harness in the test command (issue 8): its seed corpus from the public vectors,
    /// then a fixed number of inputs mutated from it (and random bytes) with a fixed seed; every input must
    /// keep the harness's invariants. The long coverage-guided runs are build/fuzz/run.sh (docs/security.md).
    /// </summary>
    public class HarnessSmokeTests
    {
        private const int MutationSeed = 20260801;

        public static TheoryData<string, int> Harnesses => new()
        {
            { "frame", 20000 },
            { "p0", 20000 },
            { "identity", 20000 },
            { "dispatcher", 5000 },
            { "dispatcher-sim", 300 },
        };

        [Theory]
        [MemberData(nameof(Harnesses))]
        public void Every_seed_and_a_fixed_set_of_mutants_keep_the_harness_invariants(string name, int mutants)
        {
            IFuzzHarness harness = HarnessCatalog.Create(name);
            List<byte[]> seeds = Seeds(name);
            Assert.NotEmpty(seeds);
            foreach (byte[] seed in seeds) RunOrExplain(harness, seed);
            foreach (byte[] input in new Mutator(seeds, MutationSeed).Inputs(mutants)) RunOrExplain(harness, input);
        }

        [Fact]
        public void Every_harness_has_seeds_and_an_unknown_name_is_refused()
        {
            Assert.All(HarnessCatalog.Names, name => Assert.NotEmpty(Seeds(name)));
            Assert.Throws<ArgumentException>(() => HarnessCatalog.Create("nope"));
        }

        [Fact]
        public void The_p0_harness_finds_padding_only_in_the_status_bit_areas()
        {
            var harness = new P0Harness();
            byte[] padding = harness.StatusPadding.ToArray();
            Assert.Equal(0, padding[0]); // the action byte
            Assert.Contains(padding, b => b != 0); // GoKit's writable bit area has spare bits
            foreach (DataPoint point in GoKitProduct.Create().Points.Where(p => !p.IsBitField))
            {
                for (int i = 0; i < point.Length; i++) Assert.Equal(0, padding[1 + point.ByteOffset + i]); // byte-aligned numbers are never padding
            }
        }

        internal static List<byte[]> Seeds(string name) =>
            SeedCorpus.For(name, Path.Combine(AppContext.BaseDirectory, "Vectors", "frames.tsv")).Select(s => s.Data).ToList();

        internal static void RunOrExplain(IFuzzHarness harness, byte[] input)
        {
            try
            {
                harness.Run(input);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{harness.Name} on {Convert.ToHexString(input)}: {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
