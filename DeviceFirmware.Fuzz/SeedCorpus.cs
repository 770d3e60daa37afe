using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using DeviceFirmware.Fuzz.Device;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Protocol.Products;

namespace DeviceFirmware.Fuzz;

/// <summary>
/// The starting inputs of each harness: every frame of the public vectors (DeviceFirmware.Tests/Vectors/frames.tsv)
/// plus a few built with the writers, so each decoder path has one accepted example to mutate from.
/// <c>build/fuzz/seeds.sh</c> writes them as files for AFL; the smoke tests read them here.
/// </summary>
public static class SeedCorpus
{
    /// <summary>The seeds of <paramref name="harness"/>, named, from the vectors file at <paramref name="framesTsv"/>.</summary>
    public static IReadOnlyList<(string Name, byte[] Data)> For(string harness, string framesTsv)
    {
        List<(string Name, byte[] Frame)> vectors = LoadFrames(framesTsv);
        return harness switch
        {
            "frame" => FrameSeeds(vectors),
            "p0" => P0Seeds(vectors),
            "identity" => IdentitySeeds(),
            "dispatcher" or "dispatcher-sim" => DispatcherSeeds(vectors),
            _ => throw new ArgumentException($"unknown harness \"{harness}\"", nameof(harness)),
        };
    }

    /// <summary>The frames of frames.tsv (column 3, hex), by vector name.</summary>
    public static List<(string Name, byte[] Frame)> LoadFrames(string framesTsv)
    {
        var frames = new List<(string, byte[])>();
        foreach (string line in File.ReadAllLines(framesTsv))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            string[] columns = line.Split('\t');
            if (columns.Length < 3) throw new InvalidDataException($"{framesTsv}: too few columns in: {line}");
            frames.Add((columns[0], Convert.FromHexString(columns[2])));
        }

        return frames;
    }

    private static List<(string, byte[])> FrameSeeds(List<(string Name, byte[] Frame)> vectors)
    {
        var seeds = new List<(string, byte[])>();
        foreach ((string name, byte[] frame) in vectors) seeds.Add(("vector-" + name, frame));
        seeds.Add(("settings-reserved", SettingsFrame(0xFFFF)));
        seeds.Add(("business-16384", Business(GizwitsCommand.Business, new byte[16384 - 3])));
        seeds.Add(("business-with-sn", BusinessWithSn(1, new byte[] { P0Action.Read })));
        byte[] log = new byte[512];
        FrameWriter.WriteLog(log, 0, 2, "tag", "src", "conteúdo ✓ 😀", out int logLength);
        seeds.Add(("log-multibyte", log.AsSpan(0, logLength).ToArray()));
        return seeds;
    }

    private static List<(string, byte[])> P0Seeds(List<(string Name, byte[] Frame)> vectors)
    {
        var seeds = new List<(string, byte[])>();
        var reader = new FrameReader();
        foreach ((string name, byte[] frame) in vectors)
        {
            if (reader.Decode(frame, 0, frame.Length) == FrameError.None && GizwitsCommand.CarriesBusinessData(reader.Command) && reader.BodyLength > 0)
            {
                seeds.Add(("vector-" + name, frame.AsSpan(reader.BodyOffset, reader.BodyLength).ToArray()));
            }
        }

        foreach ((string name, byte[] p0) in GoKitMessages()) seeds.Add(("gokit-" + name, p0));
        return seeds;
    }

    /// <summary>GoKit P0 messages of every action, with every writable point flagged and mid-range values.</summary>
    public static List<(string Name, byte[] P0)> GoKitMessages()
    {
        Product product = GoKitProduct.Create();
        var values = new DataPointValues(product);
        var all = new bool[product.Points.Length];
        var writable = new bool[product.Points.Length];
        foreach (DataPoint point in product.Points)
        {
            all[point.Id] = true;
            writable[point.Id] = point.Type == DataPointType.Writable;
            long value = point.DataType switch
            {
                DataType.Bool => 1,
                DataType.Enum => point.EnumValues.Length - 1,
                DataType.Binary => 0,
                _ => point.Min + ((point.Max - point.Min) / 2),
            };
            values.Set(point.Id, value);
        }

        byte[] buffer = new byte[product.MaxMessageSize];
        var messages = new List<(string, byte[])>();
        void Add(string name, P0Error error, int length)
        {
            if (error != P0Error.None) throw new InvalidOperationException($"seed {name}: {error}");
            messages.Add((name, buffer.AsSpan(0, length).ToArray()));
        }

        Add("write", P0Writer.WriteWrite(values, writable, buffer, 0, out int n), n);
        Add("read", P0Writer.WriteRead(buffer, 0, out n), n);
        Add("read-reply", P0Writer.WriteStatus(values, P0Action.ReadReply, buffer, 0, out n), n);
        Add("report", P0Writer.WriteStatus(values, P0Action.Report, buffer, 0, out n), n);
        Add("custom", P0Writer.WriteCustom(P0Action.CustomToDevice, new byte[] { 1, 2, 3 }, 0, 3, buffer, 0, out n), n);
        Add("variable-write", P0Writer.WriteVariable(P0Action.VariableWrite, values, writable, buffer, 0, out n), n);
        Add("variable-read", P0Writer.WriteVariable(P0Action.VariableRead, values, all, buffer, 0, out n), n);
        Add("variable-report", P0Writer.WriteVariable(P0Action.VariableReport, values, all, buffer, 0, out n), n);
        return messages;
    }

    private static List<(string, byte[])> IdentitySeeds()
    {
        // First byte: prefix index (bits 0-2; 0 = none) and UTF-8 (bit 7); see IdentityHarness.
        string[] texts =
        {
            "app2dev/did12345/usrApp1", "dev2app/did12345", "dev2app/did12345/usrApp1", "ser2cli_res/usrApp1",
            "2$123$abc", "usr01234567890123456789", "did12345", "app2dev/did12345/usr+", "app2dev/#", "app2dev/did/usr/x",
            "app2dev/d\0d/usrA", "2$a$b$c",
        };
        var seeds = new List<(string, byte[])>();
        for (int i = 0; i < texts.Length; i++)
        {
            byte[] text = Encoding.Latin1.GetBytes(texts[i]);
            byte[] seed = new byte[text.Length + 1];
            text.CopyTo(seed, 1);
            seeds.Add(($"text-{i}", seed));
        }

        seeds.Add(("utf8", Concat(new byte[] { 0x80 }, Encoding.UTF8.GetBytes("app2dev/dév/usr1"))));
        seeds.Add(("prefixed-app2dev", Concat(new byte[] { 6 }, Encoding.Latin1.GetBytes("usrApp1"))));
        return seeds;
    }

    private static List<(string, byte[])> DispatcherSeeds(List<(string Name, byte[] Frame)> vectors)
    {
        string app = DispatchInput.Topics[0];
        var seeds = new List<(string, byte[])>();
        foreach ((string name, byte[] frame) in vectors) seeds.Add(("vector-" + name, One(new DispatchMessage(app, frame, false, 0))));
        foreach ((string name, byte[] p0) in GoKitMessages())
        {
            seeds.Add(("gokit-0090-" + name, One(new DispatchMessage(app, Business(GizwitsCommand.Business, p0), false, 0))));
            seeds.Add(("gokit-0093-" + name, One(new DispatchMessage(app, BusinessWithSn(7, p0), false, 0))));
        }

        byte[] write = BusinessWithSn(9, GoKitMessages()[0].P0);
        seeds.Add(("repeat", DispatchInput.Encode(new[] { new DispatchMessage(app, write, false, 0), new DispatchMessage(app, write, false, 250) })));
        seeds.Add(("settings-then-write", DispatchInput.Encode(new[]
        {
            new DispatchMessage(DispatchInput.Topics[1], SettingsFrame((int)LogLevel.Info), false, 0),
            new DispatchMessage(app, write, false, 0),
        })));
        seeds.Add(("settings-reserved", One(new DispatchMessage(app, SettingsFrame(0xFFFF), false, 0))));
        seeds.Add(("retained", One(new DispatchMessage(app, write, true, 0))));
        seeds.Add(("other-did", One(new DispatchMessage(DispatchInput.Topics[2], write, false, 0))));
        seeds.Add(("inline-topic", One(new DispatchMessage($"app2dev/{DispatchInput.Did}/usr#", write, false, 0))));
        return seeds;
    }

    private static byte[] One(DispatchMessage message) => DispatchInput.Encode(new[] { message });

    private static byte[] SettingsFrame(int settings)
    {
        byte[] frame = new byte[16];
        FrameWriter.WriteSettings(frame, 0, settings, out int length);
        return frame.AsSpan(0, length).ToArray();
    }

    private static byte[] Business(ushort command, byte[] p0)
    {
        byte[] frame = new byte[FrameWriter.FrameLength(p0.Length)];
        Check(FrameWriter.WriteBusiness(frame, 0, command, p0, 0, p0.Length, out int length));
        return frame.AsSpan(0, length).ToArray();
    }

    private static byte[] BusinessWithSn(uint sn, byte[] p0)
    {
        byte[] frame = new byte[FrameWriter.FrameLength(FrameLimits.SnLength + p0.Length)];
        Check(FrameWriter.WriteBusinessWithSn(frame, 0, GizwitsCommand.BusinessWithSn, sn, p0, 0, p0.Length, out int length));
        return frame.AsSpan(0, length).ToArray();
    }

    private static void Check(FrameError error)
    {
        if (error != FrameError.None) throw new InvalidOperationException($"seed frame: {error}");
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        byte[] r = new byte[a.Length + b.Length];
        a.CopyTo(r, 0);
        b.CopyTo(r, a.Length);
        return r;
    }
}
