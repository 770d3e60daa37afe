using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DeviceFirmware.Tests.Support
{
    /// <summary>One row of Vectors/frames.tsv.</summary>
    internal sealed record FrameVector(string Name, string Source, string FrameHex, string Command, string Flags, string Sn, string BodyHex, string Note);

    /// <summary>Loads Vectors/frames.tsv (copied to the output directory); lines starting with '#' are comments.</summary>
    internal static class FrameVectors
    {
        public static IReadOnlyList<FrameVector> All { get; } = Load();

        public static FrameVector Get(string name) => All.Single(v => v.Name == name);

        private static List<FrameVector> Load()
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Vectors", "frames.tsv");
            var rows = new List<FrameVector>();
            foreach (string line in File.ReadAllLines(path))
            {
                if (line.Length == 0 || line.StartsWith('#')) continue;
                string[] c = line.Split('\t');
                if (c.Length != 8) throw new InvalidDataException($"frames.tsv: {c.Length} columns in: {line}");
                rows.Add(new FrameVector(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
            }

            return rows;
        }
    }
}
