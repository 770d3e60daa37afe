using System;
using System.Collections.Generic;
using System.IO;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Tests.Firmware.Core.Peripherals
{
    /// <summary>One ordered record of what every fake saw, so tests can check what happened before what.</summary>
    internal sealed class Journal
    {
        public List<string> Entries { get; } = new();
        public bool Record { get; set; } = true;

        /// <summary>Callers that format an entry check <see cref="Record"/> first, so a muted journal allocates nothing.</summary>
        public void Add(string entry)
        {
            if (Record) Entries.Add(entry);
        }

        public int IndexOf(Predicate<string> match) => Entries.FindIndex(match);
    }

    /// <summary>Pins as a dictionary: remembers levels, duties, pull-ups and a history of every call.</summary>
    internal sealed class FakePinDriver : IPinDriver
    {
        private readonly Journal journal;

        public FakePinDriver(Journal? journal = null) => this.journal = journal ?? new Journal();

        public Dictionary<int, bool> Levels { get; } = new();
        public Dictionary<int, double> Duties { get; } = new();
        public Dictionary<int, bool> Inputs { get; } = new();
        public Dictionary<int, bool> PullUps { get; } = new();
        public Dictionary<int, int> PwmFrequencies { get; } = new();
        public List<string> History => journal.Entries;
        public int Calls { get; private set; }

        /// <summary>The level tests put on an input pin (what <see cref="Read"/> returns).</summary>
        public void SetInput(int pin, bool high) => Inputs[pin] = high;

        public void OpenOutput(int pin, bool high)
        {
            Calls++;
            Levels[pin] = high;
            if (journal.Record) journal.Add($"pin open-output {pin} {(high ? "high" : "low")}");
        }

        public void OpenInput(int pin, bool pullUp)
        {
            Calls++;
            PullUps[pin] = pullUp;
            if (!Inputs.ContainsKey(pin)) Inputs[pin] = pullUp;
            if (journal.Record) journal.Add($"pin open-input {pin} pull-up={pullUp}");
        }

        public void OpenPwm(int pin, int frequencyHz, double dutyCycle)
        {
            Calls++;
            Duties[pin] = dutyCycle;
            PwmFrequencies[pin] = frequencyHz;
            if (journal.Record) journal.Add($"pin open-pwm {pin} {frequencyHz}Hz {dutyCycle:0.###}");
        }

        public void Write(int pin, bool high)
        {
            Calls++;
            Levels[pin] = high;
            if (journal.Record) journal.Add($"pin write {pin} {(high ? "high" : "low")}");
        }

        public void WritePwm(int pin, double dutyCycle)
        {
            Calls++;
            Duties[pin] = dutyCycle;
            if (journal.Record) journal.Add($"pin pwm {pin} {dutyCycle:0.###}");
        }

        public bool Read(int pin) => Inputs.TryGetValue(pin, out bool high) && high;
    }

    /// <summary>A climate sensor whose reading (or failure) the test sets.</summary>
    internal sealed class FakeSensor : ISensor
    {
        public double Celsius { get; set; } = 21.5;
        public double Humidity { get; set; } = 40;
        public bool Fails { get; set; }
        public int Reads { get; private set; }

        public bool TryRead(out double temperatureCelsius, out double relativeHumidityPercent)
        {
            Reads++;
            temperatureCelsius = Fails ? 0 : Celsius;
            relativeHumidityPercent = Fails ? 0 : Humidity;
            return !Fails;
        }
    }

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

        public static Product Product { get; } = ProductJson.Load(Path.Combine(RepoRoot(), "hardware", "products", "gokit.json"));

        public static int Id(string name) => Product.Find(name)!.Id;

        public static string RepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir!.FullName, "DeviceFirmware.sln"))) dir = dir.Parent;
            return dir.FullName;
        }

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
