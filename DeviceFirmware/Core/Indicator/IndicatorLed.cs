using DeviceFirmware.Core.Dispatch;

namespace DeviceFirmware.Core.Indicator
{
    /// <summary>
    /// Decides the indicator LED's level from the device's situation and the clock, so that both boards
    /// blink alike: slow blink while connecting, on when connected, fast blink on error, dark whenever an
    /// App turned it off with 0x0010. <c>DeviceCore</c> writes <see cref="IsLit"/> to the pin on every tick and event.
    /// </summary>
    public sealed class IndicatorLed
    {
        /// <summary>Half period of the slow blink.</summary>
        public const int SlowBlinkMs = 1000;

        /// <summary>Half period of the fast blink.</summary>
        public const int FastBlinkMs = 200;

        private readonly DeviceRuntimeSettings settings;

        /// <summary>Creates the LED logic over the settings 0x0010 changes.</summary>
        public IndicatorLed(DeviceRuntimeSettings settings)
        {
            this.settings = settings;
        }

        /// <summary>The situation to show.</summary>
        public LedPattern Pattern { get; set; }

        /// <summary>True when the LED should be lit at <paramref name="nowMs"/>.</summary>
        public bool IsLit(long nowMs)
        {
            if (!settings.IndicatorLedEnabled) return false;
            switch (Pattern)
            {
                case LedPattern.Connected:
                    return true;
                case LedPattern.Error:
                    return (nowMs / FastBlinkMs) % 2 == 0;
                default:
                    return (nowMs / SlowBlinkMs) % 2 == 0;
            }
        }
    }
}
