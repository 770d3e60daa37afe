using System;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Protocol.Products;

namespace DeviceFirmware.Fuzz.Harnesses;

/// <summary>
/// The P0 business-data decoder (<see cref="P0Message"/>) for the reference GoKit product (or any product, var_len
/// included, through the other constructor). Invariants: decoding never
/// throws; the result does not depend on the bytes around the message; every point an accepted write (0x01, 0x11)
/// carries is within its range (bool 0/1, enum index, min..max), and every point of a status fits its field (statuses
/// are not held to min..max: a device may report a reading outside the declared range, <see cref="P0Values.FitsField"/>);
/// an accepted message re-encodes with <see cref="P0Writer"/>
/// to a message that decodes to the same action, the same flagged points and the same values, and re-encoding that
/// gives the same bytes again (the writer's form is a fixed point). Where the format is canonical the bytes are
/// identical: read (0x02), custom (0x05/0x06), and the status (0x03/0x04) in every bit that a data point covers.
/// </summary>
public sealed class P0Harness : IFuzzHarness
{
    private const int Margin = 2;
    private readonly Product product;
    private readonly P0Message message;
    private readonly P0Message shifted;
    private readonly P0Message again;
    private readonly byte[] statusPadding;
    private readonly byte[] first;
    private readonly byte[] second;

    /// <summary>Creates the harness over the generated GoKit product table.</summary>
    public P0Harness()
        : this(GoKitProduct.Create())
    {
    }

    /// <summary>Creates the harness over <paramref name="product"/>.</summary>
    public P0Harness(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        this.product = product;
        message = new P0Message(product);
        shifted = new P0Message(product);
        again = new P0Message(product);
        first = new byte[product.MaxMessageSize];
        second = new byte[product.MaxMessageSize];
        // A var_len product has no fixed-layout status (0x03/0x04 are refused), so no status padding either.
        statusPadding = product.IsVariableLength ? new byte[product.MaxMessageSize] : FindStatusPadding();
    }

    /// <inheritdoc/>
    public string Name => "p0";

    /// <summary>Bits of a full status that no data point covers (1 = padding): the decoder ignores them, so the writer may differ there.</summary>
    public ReadOnlySpan<byte> StatusPadding => statusPadding;

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        P0Error error = message.Decode(data, 0, data.Length);
        Invariant.Check(error == message.Error, $"Decode returned {error} but Error is {message.Error}");
        CheckSameInsideLargerBuffer(data, error);
        if (error != P0Error.None)
        {
            Invariant.Check(CountFlagged(message) == 0, $"a refused message ({error}) left points flagged: applying it would change state");
            return;
        }

        Invariant.Check(CountFlagged(message) == message.FlaggedCount, $"FlaggedCount {message.FlaggedCount} but {CountFlagged(message)} flags set");
        CheckRanges(message);
        byte action = message.Action;
        switch (action)
        {
            case P0Action.Read:
                Expect(P0Writer.WriteRead(first, 0, out int readLength), "WriteRead");
                Invariant.SameBytes(data, first.AsSpan(0, readLength), "read re-encoding");
                return;
            case P0Action.CustomToDevice:
            case P0Action.CustomToApp:
                byte[] custom = new byte[data.Length];
                Expect(P0Writer.WriteCustom(action, data, message.PayloadOffset, message.PayloadLength, custom, 0, out int customLength), "WriteCustom");
                Invariant.SameBytes(data, custom.AsSpan(0, customLength), "custom re-encoding");
                return;
        }

        int length = Encode(message, first);
        Invariant.Check(again.Decode(first, 0, length) == P0Error.None, $"the writer's own 0x{action:x2} message is refused: {again.Error} (point {again.ErrorPointId}): {Convert.ToHexString(first, 0, length)}");
        Invariant.Check(again.Action == action, $"action 0x{action:x2} re-decoded as 0x{again.Action:x2}");
        CheckSameContent(message, again);
        int length2 = Encode(again, second);
        Invariant.SameBytes(first.AsSpan(0, length), second.AsSpan(0, length2), $"0x{action:x2} re-encoding is not a fixed point");

        if (action == P0Action.ReadReply || action == P0Action.Report)
        {
            Invariant.Check(length == data.Length, $"status re-encoded to {length} bytes, not {data.Length}");
            for (int i = 1; i < length; i++)
            {
                int differing = (data[i] ^ first[i]) & ~statusPadding[i];
                Invariant.Check(differing == 0, $"status byte {i} re-encoded as {first[i]:x2}, not {data[i]:x2}, in bits that a data point covers");
            }
        }
    }

    private int Encode(P0Message decoded, byte[] buffer)
    {
        byte action = decoded.Action;
        int length;
        switch (action)
        {
            case P0Action.Write:
                Expect(P0Writer.WriteWrite(decoded.Values, decoded.Flagged, buffer, 0, out length), "WriteWrite");
                break;
            case P0Action.ReadReply:
            case P0Action.Report:
                Expect(P0Writer.WriteStatus(decoded.Values, action, buffer, 0, out length), "WriteStatus");
                break;
            default:
                Expect(P0Writer.WriteVariable(action, decoded.Values, decoded.Flagged, buffer, 0, out length), $"WriteVariable 0x{action:x2}");
                break;
        }

        return length;
    }

    private static void Expect(P0Error error, string writer) =>
        Invariant.Check(error == P0Error.None, $"{writer} refused what the decoder accepted: {error}");

    private void CheckRanges(P0Message decoded)
    {
        if (decoded.Action == P0Action.VariableRead) return; // flags only: a read carries no values
        bool write = decoded.Action == P0Action.Write || decoded.Action == P0Action.VariableWrite;
        foreach (DataPoint point in product.Points)
        {
            if (!decoded.Flagged[point.Id]) continue;
            long value = decoded.Values.Get(point.Id);
            if (!write)
            {
                Invariant.Check(P0Values.FitsField(point, value) == P0Error.None, $"{point.Name} = {value} does not fit its field");
                continue;
            }

            switch (point.DataType)
            {
                case DataType.Bool:
                    Invariant.Check(value == 0 || value == 1, $"{point.Name} = {value}, not a bool");
                    break;
                case DataType.Enum:
                    Invariant.Check(value >= 0 && value < point.EnumValues.Length, $"{point.Name} = {value}, not one of its {point.EnumValues.Length} enum values");
                    break;
                case DataType.UInt8:
                case DataType.UInt16:
                case DataType.UInt32:
                    Invariant.Check(value >= point.Min && value <= point.Max, $"{point.Name} = {value}, outside {point.Min}..{point.Max}");
                    break;
            }
        }
    }

    private void CheckSameContent(P0Message expected, P0Message actual)
    {
        foreach (DataPoint point in product.Points)
        {
            int id = point.Id;
            Invariant.Check(expected.Flagged[id] == actual.Flagged[id], $"{point.Name}: flagged {expected.Flagged[id]}, re-decoded {actual.Flagged[id]}");
            if (!expected.Flagged[id] || expected.Action == P0Action.VariableRead) continue;
            if (point.DataType == DataType.Binary)
            {
                ReadOnlySpan<byte> a = expected.Values.Binary.AsSpan(expected.Values.BinaryOffset(id), point.Length);
                ReadOnlySpan<byte> b = actual.Values.Binary.AsSpan(actual.Values.BinaryOffset(id), point.Length);
                Invariant.SameBytes(a, b, $"{point.Name} re-decoded");
            }
            else
            {
                Invariant.Check(expected.Values.Get(id) == actual.Values.Get(id), $"{point.Name}: {expected.Values.Get(id)}, re-decoded {actual.Values.Get(id)}");
            }
        }
    }

    private void CheckSameInsideLargerBuffer(byte[] data, P0Error error)
    {
        byte[] padded = new byte[data.Length + (2 * Margin)];
        padded.AsSpan().Fill(0x5A);
        data.CopyTo(padded, Margin);
        P0Error shiftedError = shifted.Decode(padded, Margin, data.Length);
        Invariant.Check(shiftedError == error, $"at offset {Margin}: {shiftedError}, at 0: {error}");
        if (error == P0Error.None) CheckSameContent(message, shifted);
    }

    private static int CountFlagged(P0Message decoded)
    {
        int n = 0;
        foreach (bool flagged in decoded.Flagged)
        {
            if (flagged) n++;
        }

        return n;
    }

    /// <summary>Flips each bit of an all-zero status: a bit whose flip is accepted and changes no value is padding.</summary>
    private byte[] FindStatusPadding()
    {
        var zero = new DataPointValues(product);
        Expect(P0Writer.WriteStatus(zero, P0Action.Report, first, 0, out int length), "WriteStatus");
        byte[] status = first.AsSpan(0, length).ToArray();
        Invariant.Check(message.Decode(status, 0, length) == P0Error.None, "the all-zero status is refused");
        var padding = new byte[product.MaxMessageSize];
        for (int i = 1; i < length; i++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                status[i] ^= (byte)(1 << bit);
                if (again.Decode(status, 0, length) == P0Error.None && SameValues(message, again)) padding[i] |= (byte)(1 << bit);
                status[i] ^= (byte)(1 << bit);
            }
        }

        return padding;
    }

    private bool SameValues(P0Message a, P0Message b)
    {
        foreach (DataPoint point in product.Points)
        {
            if (a.Values.Get(point.Id) != b.Values.Get(point.Id)) return false;
            if (point.DataType != DataType.Binary) continue;
            if (!a.Values.Binary.AsSpan(a.Values.BinaryOffset(point.Id), point.Length).SequenceEqual(b.Values.Binary.AsSpan(b.Values.BinaryOffset(point.Id), point.Length))) return false;
        }

        return true;
    }
}
