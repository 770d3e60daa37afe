namespace DeviceFirmware.Core.Board
{
    /// <summary>What an output does when the MQTT session drops.</summary>
    public enum DisconnectPolicy
    {
        /// <summary>Keep the last commanded level (a light stays on).</summary>
        Hold = 0,

        /// <summary>Go to the safe level (a heater or motor stops) until an App commands it again.</summary>
        Safe = 1,
    }
}
