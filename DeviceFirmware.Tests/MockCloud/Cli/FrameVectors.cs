using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Cli
{
    /// <summary>One row of Vectors/frames.tsv.</summary>
    internal sealed record FrameVector(string Name, string FrameHex, string Command, int Flags, string Sn, string BodyHex)
    {
        public override string ToString() => Name;
    }

    /// <summary>Reads Vectors/frames.tsv (copied to the output directory), skipping '#' lines.</summary>
    internal static class FrameVectors
    {
        public static IReadOnlyList<FrameVector> All { get; } = Load();

        public static FrameVector Get(string name) => Find(name) ?? throw new InvalidOperationException("no vector " + name);

        /// <summary>The vector names, so that each row is its own (serializable) test case.</summary>
        public static TheoryData<string> Names()
        {
            TheoryData<string> data = new TheoryData<string>();
            foreach (FrameVector v in All) data.Add(v.Name);
            return data;
        }

        private static FrameVector? Find(string name)
        {
            foreach (FrameVector v in All)
            {
                if (v.Name == name) return v;
            }

            return null;
        }

        private static List<FrameVector> Load()
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Vectors", "frames.tsv");
            List<FrameVector> rows = new List<FrameVector>();
            foreach (string line in File.ReadAllLines(path))
            {
                if (line.Length == 0 || line.StartsWith('#')) continue;
                string[] c = line.Split('\t');
                rows.Add(new FrameVector(c[0], c[2], c[3], int.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture), c[5], c[6]));
            }

            return rows;
        }
    }
}
