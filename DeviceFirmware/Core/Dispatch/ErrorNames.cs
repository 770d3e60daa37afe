using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>
    /// The names of <see cref="FrameError"/> and <see cref="P0Error"/> values as the README and <c>gizctl</c> print them.
    /// Spelled out because nanoFramework's <c>Enum.ToString</c> gives the number, and a log that says "6" helps nobody.
    /// </summary>
    public static class ErrorNames
    {
        /// <summary>The name of <paramref name="error"/> (e.g. <c>VarLenMismatch</c>).</summary>
        public static string Of(FrameError error)
        {
            switch (error)
            {
                case FrameError.None: return "None";
                case FrameError.InvalidArguments: return "InvalidArguments";
                case FrameError.TruncatedHeader: return "TruncatedHeader";
                case FrameError.BadFixedHeader: return "BadFixedHeader";
                case FrameError.VarLenTooLong: return "VarLenTooLong";
                case FrameError.VarLenNotMinimal: return "VarLenNotMinimal";
                case FrameError.VarLenMismatch: return "VarLenMismatch";
                case FrameError.UnknownCommand: return "UnknownCommand";
                case FrameError.BodyTooShort: return "BodyTooShort";
                case FrameError.LengthPastEnd: return "LengthPastEnd";
                case FrameError.FieldOverLimit: return "FieldOverLimit";
                case FrameError.BadUtf8: return "BadUtf8";
                case FrameError.TrailingBytes: return "TrailingBytes";
                case FrameError.FieldOutOfRange: return "FieldOutOfRange";
                case FrameError.BufferTooSmall: return "BufferTooSmall";
                default: return "FrameError" + (int)error;
            }
        }

        /// <summary>The name of <paramref name="error"/> (e.g. <c>ValueOutOfRange</c>).</summary>
        public static string Of(P0Error error)
        {
            switch (error)
            {
                case P0Error.None: return "None";
                case P0Error.InvalidArguments: return "InvalidArguments";
                case P0Error.Empty: return "Empty";
                case P0Error.UnknownAction: return "UnknownAction";
                case P0Error.WrongLength: return "WrongLength";
                case P0Error.UnknownDataPoint: return "UnknownDataPoint";
                case P0Error.NotWritable: return "NotWritable";
                case P0Error.ValueOutOfRange: return "ValueOutOfRange";
                case P0Error.EnumOutOfRange: return "EnumOutOfRange";
                case P0Error.BufferTooSmall: return "BufferTooSmall";
                case P0Error.WrongProtocolType: return "WrongProtocolType";
                default: return "P0Error" + (int)error;
            }
        }
    }
}
