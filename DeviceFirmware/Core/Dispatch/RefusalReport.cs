using DeviceFirmware.Core.Logging;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>
    /// What the dispatcher refused last and why, kept as fields (no string) until a log is actually sent: the error's
    /// name (<see cref="FrameError"/> with the offset from the frame's first byte, or <see cref="P0Error"/> with the data
    /// point), the AppClientId, and for a 0x0093 its sn and that it was answered with the unchanged status. The text puts
    /// the error first, so that the 0x0012 content limit cuts the least useful part.
    /// </summary>
    public sealed class RefusalReport : ILogText
    {
        private string topic;
        private int clientStart;
        private int clientLength;
        private string reason;

        /// <summary>The outcome refused.</summary>
        public DispatchOutcome Outcome { get; private set; }

        /// <summary>The frame error (<see cref="DispatchOutcome.MalformedFrame"/>), else <see cref="FrameError.None"/>.</summary>
        public FrameError FrameError { get; private set; }

        /// <summary>Where in the frame the error was found (bytes from the frame's first byte), or -1.</summary>
        public int FrameErrorOffset { get; private set; }

        /// <summary>The P0 error, else <see cref="P0Error.None"/>.</summary>
        public P0Error P0Error { get; private set; }

        /// <summary>The name of the data point the P0 error is about, or null.</summary>
        public string DataPoint { get; private set; }

        /// <summary>True when the refused message was a 0x0093 (then <see cref="Sn"/> holds its sn).</summary>
        public bool HasSn { get; private set; }

        /// <summary>The sn of the refused 0x0093.</summary>
        public uint Sn { get; private set; }

        /// <summary>True when the refusal was answered with a 0x0094 carrying the unchanged status.</summary>
        public bool Answered { get; set; }

        /// <summary>Starts a report: <paramref name="reason"/> says what was refused when there is no error code to name.</summary>
        public void Begin(DispatchOutcome outcome, string reason)
        {
            Outcome = outcome;
            this.reason = reason;
            FrameError = FrameError.None;
            FrameErrorOffset = -1;
            P0Error = P0Error.None;
            DataPoint = null;
            HasSn = false;
            Sn = 0;
            Answered = false;
            topic = null;
            clientLength = 0;
        }

        /// <summary>The AppClientId is the <paramref name="length"/> characters of <paramref name="appTopic"/> at <paramref name="start"/> (not copied).</summary>
        public void From(string appTopic, int start, int length)
        {
            topic = appTopic;
            clientStart = start;
            clientLength = length;
        }

        /// <summary>The AppClientId is <paramref name="appClientId"/>.</summary>
        public void From(string appClientId)
        {
            From(appClientId, 0, appClientId == null ? 0 : appClientId.Length);
        }

        /// <summary>The refused message was the 0x0093 with <paramref name="sn"/>.</summary>
        public void WithSn(uint sn)
        {
            HasSn = true;
            Sn = sn;
        }

        /// <summary>The frame failed to decode with <paramref name="error"/> at <paramref name="offset"/>.</summary>
        public void WithFrameError(FrameError error, int offset)
        {
            FrameError = error;
            FrameErrorOffset = offset;
        }

        /// <summary>The business data failed with <paramref name="error"/>, about <paramref name="dataPoint"/> (may be null).</summary>
        public void WithP0Error(P0Error error, string dataPoint)
        {
            P0Error = error;
            DataPoint = dataPoint;
        }

        /// <summary>The AppClientId, or null when the topic did not carry a valid one.</summary>
        public string AppClientId => topic == null ? null : topic.Substring(clientStart, clientLength);

        /// <inheritdoc/>
        public string Build()
        {
            string what;
            if (FrameError != FrameError.None)
            {
                what = "FrameError " + ErrorNames.Of(FrameError) + " at offset " + FrameErrorOffset;
            }
            else if (P0Error != P0Error.None)
            {
                what = "P0Error " + ErrorNames.Of(P0Error) + (DataPoint != null ? " at data point " + DataPoint : string.Empty);
            }
            else
            {
                what = reason;
            }

            string client = AppClientId;
            if (client == null && !HasSn) return what + " ignored"; // a topic-level refusal: the reason says it all
            string text = what + (HasSn ? ": 0x0093 sn " + Sn : ": message");
            if (client != null) text += " from " + client;
            text += Answered ? " refused, answered with the unchanged status" : " ignored";
            return text;
        }
    }
}
