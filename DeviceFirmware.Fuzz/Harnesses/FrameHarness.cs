using System;
using System.Text;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Text;

namespace DeviceFirmware.Fuzz.Harnesses;

/// <summary>
/// The app2dev/dev2app frame decoder (<see cref="FrameReader"/>). Invariants: decoding never throws; a refusal names
/// an error with an offset inside the frame; the result does not depend on the bytes around the frame; an accepted
/// frame re-encodes to the same bytes with <see cref="FrameWriter.WriteRaw"/> and, when its flags byte is 0 (the only
/// value the per-command writers send), with the writer of its command (0x0010, 0x0011, 0x0012, 0x0090–0x0094).
/// </summary>
public sealed class FrameHarness : IFuzzHarness
{
    private const int Margin = 3;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly FrameReader reader = new();
    private readonly FrameReader shifted = new();
    private byte[] scratch = new byte[256];

    /// <inheritdoc/>
    public string Name => "frame";

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        FrameError error = reader.Decode(data, 0, data.Length);
        Invariant.Check(error == reader.Error, $"Decode returned {error} but Error is {reader.Error}");
        CheckSameInsideLargerBuffer(data, error);
        if (error != FrameError.None)
        {
            Invariant.Check(reader.ErrorOffset >= 0 && reader.ErrorOffset <= data.Length, $"{error} at offset {reader.ErrorOffset}, outside the {data.Length}-byte frame");
            return;
        }

        Invariant.Check(reader.BodyOffset >= 0 && reader.BodyOffset + reader.BodyLength == data.Length, $"body {reader.BodyOffset}+{reader.BodyLength} does not end the {data.Length}-byte frame");
        int snLength = GizwitsCommand.HasSn(reader.Command) ? FrameLimits.SnLength : 0;
        int rawBodyOffset = reader.BodyOffset - snLength;
        int rawBodyLength = reader.BodyLength + snLength;
        EnsureScratch(data.Length);
        FrameError written = FrameWriter.WriteRaw(scratch, 0, reader.Flags, reader.Command, data, rawBodyOffset, rawBodyLength, out int length);
        Invariant.Check(written == FrameError.None, $"WriteRaw refused an accepted frame: {written}");
        Invariant.SameBytes(data, scratch.AsSpan(0, length), "WriteRaw re-encoding");

        if (reader.Flags == 0)
        {
            written = WriteWithCommandWriter(data, out length);
            Invariant.Check(written == FrameError.None, $"the 0x{reader.Command:x4} writer refused an accepted frame: {written}");
            Invariant.SameBytes(data, scratch.AsSpan(0, length), $"0x{reader.Command:x4} writer re-encoding");
        }
    }

    private FrameError WriteWithCommandWriter(byte[] data, out int length)
    {
        switch (reader.Command)
        {
            case GizwitsCommand.Settings:
                return FrameWriter.WriteSettings(scratch, 0, reader.Settings, out length);
            case GizwitsCommand.SettingsAck:
                return FrameWriter.WriteSettingsAck(scratch, 0, out length);
            case GizwitsCommand.Log:
                return FrameWriter.WriteLog(
                    scratch,
                    0,
                    reader.LogLevel,
                    Text(data, reader.TagOffset, reader.TagLength),
                    Text(data, reader.SourceOffset, reader.SourceLength),
                    Text(data, reader.ContentOffset, reader.ContentLength),
                    out length);
            case GizwitsCommand.DeviceOnline:
                return FrameWriter.WriteDeviceOnline(
                    scratch,
                    0,
                    Text(data, reader.MacOffset, reader.MacLength),
                    Text(data, reader.PasscodeOffset, reader.PasscodeLength),
                    reader.Online,
                    reader.ProtocolVersion,
                    Text(data, reader.BusinessVersionOffset, reader.BusinessVersionLength),
                    out length);
            case GizwitsCommand.BusinessWithSn:
            case GizwitsCommand.BusinessWithSnAck:
                return FrameWriter.WriteBusinessWithSn(scratch, 0, reader.Command, reader.Sn, data, reader.BodyOffset, reader.BodyLength, out length);
            default:
                return FrameWriter.WriteBusiness(scratch, 0, reader.Command, data, reader.BodyOffset, reader.BodyLength, out length);
        }
    }

    /// <summary>
    /// A text field the reader accepted as UTF-8: .NET's strict decoder (an independent oracle) must accept it too and
    /// agree with the codec's own decoder, which the writers' byte counts rely on.
    /// </summary>
    private static string Text(byte[] data, int offset, int count)
    {
        string ours = Utf8.GetString(data, offset, count);
        string strict;
        try
        {
            strict = StrictUtf8.GetString(data, offset, count);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvariantViolationException($"the reader accepted {Convert.ToHexString(data, offset, count)} as UTF-8; .NET refuses it", e);
        }

        Invariant.Check(string.Equals(ours, strict, StringComparison.Ordinal), $"Utf8.GetString and .NET disagree on {Convert.ToHexString(data, offset, count)}");
        return ours;
    }

    /// <summary>The same frame at an offset, between bytes that are not part of it, decodes to the same result.</summary>
    private void CheckSameInsideLargerBuffer(byte[] data, FrameError error)
    {
        byte[] padded = new byte[data.Length + (2 * Margin)];
        padded.AsSpan().Fill(0xA5);
        data.CopyTo(padded, Margin);
        FrameError again = shifted.Decode(padded, Margin, data.Length);
        Invariant.Check(again == error, $"at offset {Margin}: {again}, at 0: {error}");
        if (error != FrameError.None)
        {
            Invariant.Check(shifted.ErrorOffset == reader.ErrorOffset, $"error offset {shifted.ErrorOffset} at offset {Margin}, {reader.ErrorOffset} at 0");
            return;
        }

        Invariant.Check(
            shifted.Command == reader.Command && shifted.Flags == reader.Flags && shifted.Sn == reader.Sn
            && shifted.BodyOffset - Margin == reader.BodyOffset && shifted.BodyLength == reader.BodyLength,
            "the frame decoded differently at another offset");
    }

    private void EnsureScratch(int length)
    {
        if (scratch.Length < length + FrameLimits.MaxHeaderLength) scratch = new byte[length + FrameLimits.MaxHeaderLength];
    }
}
