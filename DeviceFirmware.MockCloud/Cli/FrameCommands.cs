using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Text;

namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>
    /// <c>gizctl frame decode HEX</c> and <c>gizctl frame encode --command … </c>: the frame codec of
    /// DeviceFirmware.Protocol on the command line. Output goes to the invocation's Output/Error writers,
    /// so the commands run in-process under tests.
    /// </summary>
    internal static class FrameCommands
    {
        /// <summary>Builds the <c>frame</c> command with its <c>decode</c> and <c>encode</c> subcommands.</summary>
        public static Command Build()
        {
            Command frame = new Command("frame", "Decode and encode app2dev/dev2app frames (docs/protocol.md §2–§3).");
            frame.Subcommands.Add(BuildDecode());
            frame.Subcommands.Add(BuildEncode());
            return frame;
        }

        private static Command BuildDecode()
        {
            Argument<string[]> hex = new Argument<string[]>("HEX")
            {
                Description = "The frame in hex: any case, optional 0x prefix, bytes may be separated by spaces or colons (one or several arguments).",
                Arity = ArgumentArity.OneOrMore,
            };
            Command decode = new Command("decode", "Decode one frame and print it as one line of JSON. Exit 2 on bad hex or a malformed frame.");
            decode.Arguments.Add(hex);
            decode.SetAction(result => Decode(string.Join(' ', result.GetValue(hex) ?? Array.Empty<string>()), Out(result), Err(result)));
            return decode;
        }

        /// <summary>The decode action: hex text in, JSON (or an error) out; returns the exit code.</summary>
        internal static int Decode(string hexText, TextWriter stdout, TextWriter stderr)
        {
            if (!HexParser.TryParse(hexText, out byte[] frame, out string hexError))
            {
                stderr.WriteLine("error: " + hexError);
                return ExitCodes.Error;
            }

            FrameReader reader = new FrameReader();
            FrameError error = reader.Decode(frame, 0, frame.Length);
            if (error != FrameError.None)
            {
                stdout.WriteLine(FrameJson.WriteDecodeError(error, reader.ErrorOffset));
                stderr.WriteLine($"error: malformed frame: {error} at offset {reader.ErrorOffset}");
                return ExitCodes.Error;
            }

            stdout.WriteLine(FrameJson.Write(reader));
            return ExitCodes.Ok;
        }

        private static Command BuildEncode()
        {
            EncodeOptions o = new EncodeOptions();
            Command encode = new Command(
                "encode",
                "Build a frame from options and print it as lowercase hex. Known commands use the strict writers; an unknown command, or --raw, writes --body as the raw body.");
            foreach (Option option in o.All) encode.Options.Add(option);
            encode.SetAction(result => Encode(result, o));
            return encode;
        }

        private static int Encode(ParseResult result, EncodeOptions o)
        {
            TextWriter stdout = Out(result);
            TextWriter stderr = Err(result);
            int command = (int)result.GetValue(o.Command);
            bool raw = result.GetValue(o.Raw) || !GizwitsCommand.IsKnown(command);
            string name = FrameJson.CommandName(command);

            Option[] applicable = Applicable(o, command, raw);
            foreach (Option option in o.All)
            {
                if (Given(result, option) && Array.IndexOf(applicable, option) < 0)
                {
                    string how = raw ? " with --raw or an unknown command (give the whole body with --body)" : string.Empty;
                    return Usage(stderr, $"{option.Name} does not apply to command {name}{how}");
                }
            }

            byte[] body = result.GetValue(o.Body) ?? Array.Empty<byte>();
            int flags = (int)result.GetValue(o.Flags);
            byte[] buffer;
            int length;
            FrameError error;
            if (raw)
            {
                buffer = new byte[Math.Max(FrameWriter.FrameLength(body.Length), 0)];
                error = FrameWriter.WriteRaw(buffer, 0, flags, command, body, 0, body.Length, out length);
                return Finish(stdout, stderr, name, error, buffer, length, flags: -1);
            }

            switch (command)
            {
                case GizwitsCommand.Business:
                case GizwitsCommand.BusinessReply:
                    buffer = new byte[FrameLimits.MaxHeaderLength + body.Length];
                    error = FrameWriter.WriteBusiness(buffer, 0, command, body, 0, body.Length, out length);
                    break;

                case GizwitsCommand.BusinessWithSn:
                case GizwitsCommand.BusinessWithSnAck:
                    if (!Given(result, o.Sn)) return Usage(stderr, $"command {name} needs --sn");
                    buffer = new byte[FrameLimits.MaxHeaderLength + FrameLimits.SnLength + body.Length];
                    error = FrameWriter.WriteBusinessWithSn(buffer, 0, command, result.GetValue(o.Sn), body, 0, body.Length, out length);
                    break;

                case GizwitsCommand.Settings:
                    int settings;
                    if (Given(result, o.Settings))
                    {
                        if (Given(result, o.LogLevel) || Given(result, o.Led))
                        {
                            return Usage(stderr, "give either --settings or --log-level with --led, not both");
                        }

                        settings = (int)result.GetValue(o.Settings);
                    }
                    else if (Given(result, o.LogLevel) && Given(result, o.Led))
                    {
                        settings = DeviceSettings.Compose(result.GetValue(o.LogLevel), result.GetValue(o.Led) == "on");
                    }
                    else
                    {
                        return Usage(stderr, $"command {name} needs --settings N, or --log-level 0-3 and --led on|off");
                    }

                    buffer = new byte[FrameLimits.MaxHeaderLength + 2];
                    error = FrameWriter.WriteSettings(buffer, 0, settings, out length);
                    break;

                case GizwitsCommand.SettingsAck:
                    buffer = new byte[FrameLimits.MaxHeaderLength];
                    error = FrameWriter.WriteSettingsAck(buffer, 0, out length);
                    break;

                case GizwitsCommand.Log:
                    if (!Given(result, o.Level)) return Usage(stderr, $"command {name} needs --level (1 Error, 2 Warning, 3 Info)");
                    string tag = result.GetValue(o.Tag) ?? string.Empty;
                    string source = result.GetValue(o.Source) ?? string.Empty;
                    string content = result.GetValue(o.Content) ?? string.Empty;
                    buffer = new byte[FrameLimits.MaxHeaderLength + 7 + (3 * (tag.Length + source.Length + content.Length))];
                    error = FrameWriter.WriteLog(buffer, 0, (int)result.GetValue(o.Level), tag, source, content, out length);
                    break;

                case GizwitsCommand.DeviceOnline:
                    foreach (Option required in new Option[] { o.Mac, o.Passcode, o.Online, o.BusinessVersion })
                    {
                        if (!Given(result, required)) return Usage(stderr, $"command {name} needs --mac, --passcode, --online and --business-version (missing {required.Name})");
                    }

                    string mac = result.GetValue(o.Mac) ?? string.Empty;
                    string passcode = result.GetValue(o.Passcode) ?? string.Empty;
                    string businessVersion = result.GetValue(o.BusinessVersion) ?? string.Empty;
                    uint protocolVersion = Given(result, o.ProtocolVersion) ? result.GetValue(o.ProtocolVersion) : FrameLimits.ProtocolVersion;
                    buffer = new byte[FrameLimits.MaxHeaderLength + 11 + (3 * (mac.Length + passcode.Length + businessVersion.Length))];
                    error = FrameWriter.WriteDeviceOnline(buffer, 0, mac, passcode, result.GetValue(o.Online), protocolVersion, businessVersion, out length);
                    break;

                default:
                    // IsKnown and the cases above list the same eight commands.
                    throw new InvalidOperationException("unreachable: command " + name);
            }

            return Finish(stdout, stderr, name, error, buffer, length, flags);
        }

        /// <summary>The options that a command takes (besides --command and --raw).</summary>
        private static Option[] Applicable(EncodeOptions o, int command, bool raw)
        {
            if (raw) return new Option[] { o.Command, o.Raw, o.Flags, o.Body };
            switch (command)
            {
                case GizwitsCommand.Business:
                case GizwitsCommand.BusinessReply:
                    return new Option[] { o.Command, o.Raw, o.Flags, o.Body };
                case GizwitsCommand.BusinessWithSn:
                case GizwitsCommand.BusinessWithSnAck:
                    return new Option[] { o.Command, o.Raw, o.Flags, o.Sn, o.Body };
                case GizwitsCommand.Settings:
                    return new Option[] { o.Command, o.Raw, o.Flags, o.Settings, o.LogLevel, o.Led };
                case GizwitsCommand.Log:
                    return new Option[] { o.Command, o.Raw, o.Flags, o.Level, o.Tag, o.Source, o.Content };
                case GizwitsCommand.DeviceOnline:
                    return new Option[] { o.Command, o.Raw, o.Flags, o.Mac, o.Passcode, o.Online, o.ProtocolVersion, o.BusinessVersion };
                default:
                    return new Option[] { o.Command, o.Raw, o.Flags };
            }
        }

        /// <summary>Prints the frame (patching in --flags, which the strict writers always send as 0) or the error.</summary>
        private static int Finish(TextWriter stdout, TextWriter stderr, string name, FrameError error, byte[] buffer, int length, int flags)
        {
            if (error != FrameError.None)
            {
                stdout.WriteLine(FrameJson.WriteEncodeError(error));
                stderr.WriteLine($"error: cannot encode {name}: {error} ({Explain(error)})");
                return ExitCodes.Error;
            }

            if (flags > 0)
            {
                VarLength.Read(buffer, FrameLimits.FixedHeaderLength, length, out _, out int size);
                buffer[FrameLimits.FixedHeaderLength + size] = (byte)flags;
            }

            stdout.WriteLine(HexParser.ToHex(buffer, 0, length));
            return ExitCodes.Ok;
        }

        private static string Explain(FrameError error)
        {
            switch (error)
            {
                case FrameError.FieldOverLimit:
                    return "a field is over its limit: business data 65535, MAC/passcode/source 32, tag 256, business version 64, content 65535 bytes";
                case FrameError.FieldOutOfRange:
                    return "a value is out of range: level 1-3, settings 0-65535";
                case FrameError.BadUtf8:
                    return "a string holds a lone surrogate";
                default:
                    return "see FrameError in DeviceFirmware.Protocol";
            }
        }

        private static int Usage(TextWriter stderr, string message)
        {
            stderr.WriteLine("error: " + message);
            stderr.WriteLine("Run 'gizctl frame encode --help' for the options.");
            return ExitCodes.Error;
        }

        /// <summary>True when the option was on the command line (bool options have an implicit result otherwise).</summary>
        private static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

        private static TextWriter Out(ParseResult result) => result.InvocationConfiguration.Output;

        private static TextWriter Err(ParseResult result) => result.InvocationConfiguration.Error;

        /// <summary>The options of <c>frame encode</c>.</summary>
        private sealed class EncodeOptions
        {
            public readonly Option<uint> Command = NumberOption("--command", "the command word, e.g. 0x0093 or 147", 0xFFFF);
            public readonly Option<bool> Raw = new Option<bool>("--raw") { Description = "Write --body as the whole body after the command word, without checking its layout." };
            public readonly Option<uint> Flags = NumberOption("--flags", "the flags byte (default 0)", 0xFF);
            public readonly Option<uint> Sn = NumberOption("--sn", "0x0093/0x0094: the sn", uint.MaxValue);
            public readonly Option<byte[]> Body = new Option<byte[]>("--body")
            {
                Description = "Hex: the business data of 0x0090/91/93/94, or the raw body with --raw or an unknown command.",
                CustomParser = ParseBody,
            };

            public readonly Option<uint> Settings = NumberOption("--settings", "0x0010: the 16-bit settings value", 0xFFFF);
            public readonly Option<LogLevel> LogLevel = new Option<LogLevel>("--log-level")
            {
                Description = "0x0010: the log threshold, 0-3 or Off/Error/Warning/Info (with --led).",
                CustomParser = ParseLogLevel,
            };

            public readonly Option<string> Led = new Option<string>("--led") { Description = "0x0010: the indicator LED, on or off (with --log-level)." };
            public readonly Option<uint> Level = NumberOption("--level", "0x0012: the level, 1 Error, 2 Warning, 3 Info", 0xFF);
            public readonly Option<string> Tag = new Option<string>("--tag") { Description = "0x0012: the tag (at most 256 bytes of UTF-8)." };
            public readonly Option<string> Source = new Option<string>("--source") { Description = "0x0012: the source (at most 32 bytes of UTF-8)." };
            public readonly Option<string> Content = new Option<string>("--content") { Description = "0x0012: the content (at most 65535 bytes of UTF-8)." };
            public readonly Option<string> Mac = new Option<string>("--mac") { Description = "0x0092: the MAC (at most 32 bytes)." };
            public readonly Option<string> Passcode = new Option<string>("--passcode") { Description = "0x0092: the passcode (at most 32 bytes)." };
            public readonly Option<bool> Online = new Option<bool>("--online") { Description = "0x0092: true (online) or false (offline)." };
            public readonly Option<uint> ProtocolVersion = NumberOption("--protocol-version", "0x0092: the general protocol version (default 3)", uint.MaxValue);
            public readonly Option<string> BusinessVersion = new Option<string>("--business-version") { Description = "0x0092: the business protocol version string (at most 64 bytes)." };

            public EncodeOptions()
            {
                Command.Required = true;
                Led.AcceptOnlyFromAmong("on", "off");
                All = new Option[] { Command, Raw, Flags, Sn, Body, Settings, LogLevel, Led, Level, Tag, Source, Content, Mac, Passcode, Online, ProtocolVersion, BusinessVersion };
            }

            public Option[] All { get; }

            private static Option<uint> NumberOption(string name, string description, uint max) => new Option<uint>(name)
            {
                Description = char.ToUpperInvariant(description[0]) + description.Substring(1) + ": decimal, or hex with 0x.",
                CustomParser = r =>
                {
                    if (!HexParser.TryParseNumber(r.Tokens[0].Value, name, max, out uint value, out string error)) r.AddError(error);
                    return value;
                },
            };

            private static byte[] ParseBody(ArgumentResult r)
            {
                string text = r.Tokens[0].Value;
                if (text.Trim().Length == 0) return Array.Empty<byte>();
                if (!HexParser.TryParse(text, out byte[] bytes, out string error)) r.AddError("--body: " + error);
                return bytes;
            }

            private static LogLevel ParseLogLevel(ArgumentResult r)
            {
                string text = r.Tokens[0].Value;
                if (HexParser.TryParseNumber(text, "--log-level", 3, out uint number, out _)) return (LogLevel)number;
                if (Enum.TryParse(text, ignoreCase: true, out LogLevel named) && Enum.IsDefined(named) && !char.IsDigit(text[0])) return named;
                r.AddError($"--log-level '{text}' is not 0-3 or Off/Error/Warning/Info");
                return Protocol.LogLevel.Off;
            }
        }
    }
}
