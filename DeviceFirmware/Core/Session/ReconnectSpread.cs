namespace DeviceFirmware.Core.Session
{
    /// <summary>
    /// A fixed per-device offset added to every reconnect wait after a failure. When the cloud restarts, a whole fleet loses
    /// its connections at the same instant, fails its at-once attempt together and would then come back in lockstep at 10 s,
    /// 30 s, 60 s … for ever. Offsetting each device by up to a quarter step (0–2.5 s for the 10 s step), derived from its
    /// DID, turns each spike into a ramp while every wait stays within a quarter step of the protocol's schedule. It is not
    /// random: the same device always waits the same, so its schedule is reproducible and testable, and DIDs differ, so
    /// devices spread. The at-once attempt after a drop stays at once, as the protocol says.
    /// </summary>
    public static class ReconnectSpread
    {
        /// <summary>The offset (0 ≤ offset &lt; <paramref name="stepMs"/>/4) of device <paramref name="did"/>; 0 for no DID or a step under 4 ms.</summary>
        public static int ForDevice(string did, int stepMs)
        {
            int range = stepMs / 4;
            if (did == null || range <= 0) return 0;
            return (int)(Fnv1a.Of(did) % (uint)range);
        }
    }
}
