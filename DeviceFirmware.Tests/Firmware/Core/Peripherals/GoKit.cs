using System;
using System.IO;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Protocol.P0;

using DeviceFirmware.Tests.Support;

namespace DeviceFirmware.Tests.Firmware.Core.Peripherals
{
    /// <summary>The reference product and a GoKit board like hardware/boards/simulated.json, built in code.</summary>
    internal static class GoKit
    {
        public const int RelayPin = 17;
        public const int RedPin = 12;
        public const int GreenPin = 13;
        public const int BluePin = 19;
        public const int MotorPin = 18;
        public const int ButtonPin = 27;
        public const int LedPin = 25;

        public static Product Product { get; } = ProductJson.Load(RepoPaths.Product("gokit"));

        /// <summary>The repository root (<see cref="RepoPaths.Root"/>).</summary>
        public static string RepoRoot() => RepoPaths.Root;

        public static int Id(string name) => Product.Find(name)!.Id;

        /// <summary>Relay digital (safe on disconnect), LED_R/G/B PWM (hold), Motor_Speed PWM at speed 0 (safe), Button active-low, sensor.</summary>
        public static BoardMap Board() => new()
        {
            Name = "test",
            IndicatorPin = LedPin,
            InputPollMs = 10,
            Outputs = new[]
            {
                new OutputBinding { Point = "Relay", Pin = RelayPin, Kind = OutputKind.Digital, SafeValue = 0, OnDisconnect = DisconnectPolicy.Safe },
                new OutputBinding { Point = "LED_R", Pin = RedPin, Kind = OutputKind.Pwm, SafeValue = 0, OnDisconnect = DisconnectPolicy.Hold },
                new OutputBinding { Point = "LED_G", Pin = GreenPin, Kind = OutputKind.Pwm, SafeValue = 0, OnDisconnect = DisconnectPolicy.Hold },
                new OutputBinding { Point = "LED_B", Pin = BluePin, Kind = OutputKind.Pwm, SafeValue = 0, OnDisconnect = DisconnectPolicy.Hold },
                new OutputBinding { Point = "Motor_Speed", Pin = MotorPin, Kind = OutputKind.Pwm, SafeValue = 5, OnDisconnect = DisconnectPolicy.Safe, PwmFrequencyHz = 20000 },
            },
            Inputs = new[]
            {
                new InputBinding { Point = "Button", Pin = ButtonPin, ActiveLow = true, PullUp = true, DebounceMs = 50 },
            },
            Sensor = new SensorBinding
            {
                Driver = "simulated",
                TemperaturePoint = "Temperature",
                HumidityPoint = "Humidity",
                AlertPoint = "Alert_Over_Temperature",
                FaultPoint = "Fault_Sensor",
                PollMs = 2000,
                TemperatureThreshold = 0.5,
                HumidityThreshold = 2,
                ReportEveryMs = 60000,
                AlertAboveCelsius = 40,
            },
        };
    }
}
