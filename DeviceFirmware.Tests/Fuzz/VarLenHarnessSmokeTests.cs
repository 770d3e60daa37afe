using System;
using System.Collections.Generic;
using System.Linq;
using DeviceFirmware.Fuzz.Harnesses;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Protocol.Products;
using Xunit;

namespace DeviceFirmware.Tests.Fuzz
{
    /// <summary>
    /// The P0 fuzz harness's invariants (never throws, refusals flag nothing, accepted messages re-encode to a fixed
    /// point) over the var_len boiler's generated table: seeds of every variable-length action, then fixed-seed mutants.
    /// </summary>
    public class VarLenHarnessSmokeTests
    {
        private const int MutationSeed = 20261206;

        [Fact]
        public void The_p0_harness_keeps_its_invariants_on_a_var_len_product()
        {
            Product boiler = BoilerThermostatVarLenProduct.Create();
            var harness = new P0Harness(boiler);
            List<byte[]> seeds = Seeds(boiler);
            foreach (byte[] seed in seeds) HarnessSmokeTests.RunOrExplain(harness, seed);
            foreach (byte[] input in new Mutator(seeds, MutationSeed).Inputs(20000)) HarnessSmokeTests.RunOrExplain(harness, input);
        }

        private static List<byte[]> Seeds(Product product)
        {
            var values = new DataPointValues(product);
            foreach (DataPoint p in product.Points)
            {
                values.Set(p.Id, p.DataType switch { DataType.Bool => 1, DataType.Enum => p.EnumValues.Length - 1, DataType.Binary => 0, _ => p.Max });
            }

            values.Binary.AsSpan().Fill(0xA5);
            bool[] all = Enumerable.Repeat(true, product.Points.Length).ToArray();
            bool[] writable = product.Points.Select(p => p.Type == DataPointType.Writable).ToArray();
            bool[] some = product.Points.Select(p => p.Id % 3 == 0).ToArray();
            var seeds = new List<byte[]>();
            void Add(byte action, bool[] flags)
            {
                byte[] buffer = new byte[product.MaxMessageSize];
                Assert.Equal(P0Error.None, P0Writer.WriteVariable(action, values, flags, buffer, 0, out int length));
                seeds.Add(buffer[..length]);
            }

            Add(P0Action.VariableWrite, writable);
            Add(P0Action.VariableRead, some);
            Add(P0Action.VariableReadReply, some);
            Add(P0Action.VariableReport, all);
            seeds.Add(new byte[] { P0Action.Report, 0 }); // refused: WrongProtocolType
            return seeds;
        }
    }
}
