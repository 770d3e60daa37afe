using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using DeviceFirmware.Core;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Fuzz.Harnesses;
using DeviceFirmware.Tests.Nano;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DeviceFirmware.Tests.Build
{
    /// <summary>
    /// The fakes of the core's seams (clock, pins, MQTT transport and message sink) and of the mock cloud's clock live once,
    /// in DeviceFirmware.Testing, for the tests, the benchmarks and the fuzzer: none of them declares its own again.
    /// </summary>
    public class SharedFakesTests
    {
        private static readonly string[] Consumers = { "DeviceFirmware.Tests", "DeviceFirmware.Benchmarks", "DeviceFirmware.Fuzz" };

        /// <summary>The seams whose fakes are shared (by simple name, as a base list spells them).</summary>
        private static readonly string[] Seams = { nameof(IClock), nameof(IPinDriver), nameof(IMqttTransport), nameof(IMessageSink), nameof(TimeProvider) };

        /// <summary>
        /// Doubles whose job is the test itself, not faking the seam, each with the reason it is not a shared fake. Keep
        /// this list short: a new entry needs a reason no shared fake can serve.
        /// </summary>
        private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
        {
            ["DeviceFirmware.Tests/Firmware/Core/Logging/LogEmitterTests.cs: ReentrantSink"] = "re-enters the emitter from inside Publish, the behaviour under test",
            ["DeviceFirmware.Tests/Firmware/Core/Hosting/HostLoopOrderingTests.cs: LoopTransport"] = "holds the core's thread inside Publish to order the host loop",
        };

        [Fact]
        public void No_consumer_declares_its_own_fake_of_a_shared_seam()
        {
            var found = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string project in Consumers)
            {
                foreach (string file in Directory.GetFiles(NanoRepo.Path(project), "*.cs", SearchOption.AllDirectories))
                {
                    string rel = Path.GetRelativePath(NanoRepo.Root, file).Replace('\\', '/');
                    string[] parts = rel.Split('/');
                    if (parts.Contains("obj") || parts.Contains("bin")) continue;
                    foreach (string type in SeamImplementations(File.ReadAllText(file))) found.Add($"{rel}: {type}");
                }
            }

            string[] unexpected = found.Where(f => !Allowed.ContainsKey(f)).ToArray();
            Assert.True(unexpected.Length == 0, "use (or extend) the fake in DeviceFirmware.Testing instead of: " + string.Join("; ", unexpected));
            string[] stale = Allowed.Keys.Where(a => !found.Contains(a)).ToArray();
            Assert.True(stale.Length == 0, "these allowed doubles are gone, drop them from the list: " + string.Join("; ", stale));
        }

        [Fact]
        public void No_type_in_the_test_or_fuzz_assemblies_implements_a_shared_seam_outside_testing()
        {
            Type[] seams = { typeof(IClock), typeof(IPinDriver), typeof(IMessageSink), typeof(TimeProvider) };
            string[] allowedNames = Allowed.Keys.Select(k => k[(k.IndexOf(": ", StringComparison.Ordinal) + 2)..]).ToArray();
            Assembly[] assemblies = { typeof(SharedFakesTests).Assembly, typeof(DispatcherHarness).Assembly };
            string[] offenders = assemblies.SelectMany(a => a.GetTypes())
                .Where(t => !t.IsInterface && seams.Any(s => s.IsAssignableFrom(t)) && !allowedNames.Contains(t.Name))
                .Select(t => t.FullName!)
                .ToArray();
            Assert.True(offenders.Length == 0, "use (or extend) the fake in DeviceFirmware.Testing instead of: " + string.Join("; ", offenders));
        }

        [Fact]
        public void The_scan_finds_a_fake_declared_in_any_form()
        {
            const string source = """
                namespace X
                {
                    internal sealed class Plain : IClock { public long NowMs => 0; }
                    public class Outer
                    {
                        private sealed class Nested : System.IDisposable, DeviceFirmware.Core.Messaging.IMessageSink { }
                    }
                    internal sealed record Pins() : global::DeviceFirmware.Core.Board.IPinDriver;
                    internal sealed class Clock : System.TimeProvider { }
                    internal sealed class NotAFake : System.IDisposable { }
                }
                """;
            Assert.Equal(new[] { "Plain", "Nested", "Pins", "Clock" }, SeamImplementations(source));
        }

        [Theory]
        [InlineData("DeviceFirmware.Tests")]
        [InlineData("DeviceFirmware.Benchmarks")]
        [InlineData("DeviceFirmware.Fuzz")]
        public void Every_consumer_references_the_shared_fakes(string project)
        {
            XDocument csproj = XDocument.Load(NanoRepo.Path(project, project + ".csproj"));
            Assert.Contains(
                csproj.Descendants("ProjectReference").Select(r => r.Attribute("Include")!.Value.Replace('\\', '/')),
                include => include == "../DeviceFirmware.Testing/DeviceFirmware.Testing.csproj");
        }

        /// <summary>The classes, records and structs in <paramref name="source"/> that name a shared seam in their base list.</summary>
        private static IEnumerable<string> SeamImplementations(string source) =>
            CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()
                .Where(type => type.BaseList is not null && type.BaseList.Types.Any(b => Seams.Contains(RightmostName(b.Type))))
                .Select(type => type.Identifier.Text);

        private static string RightmostName(TypeSyntax type) => type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.Text,
            SimpleNameSyntax simple => simple.Identifier.Text,
            _ => string.Empty,
        };
    }
}
