using DeviceFirmware.Generators;
using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using DeviceFirmware.Boards;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Nano;
using Xunit;

namespace DeviceFirmware.Tests.Build
{
    /// <summary>
    /// gizctl shares the firmware's core and connection pieces through libraries, never through the firmware's
    /// executable project; the core's one set of sources (DeviceFirmware/Core, also compiled for nanoFramework) is
    /// compiled for .NET by the DeviceFirmware.Core library only. The table generators are a .NET-only tool library
    /// (DeviceFirmware.Generators), compiled by neither the device's codec library nor the firmware.
    /// </summary>
    public class ProjectReferenceTests
    {
        private static string[] References(params string[] path) =>
            XDocument.Load(NanoRepo.Path(path)).Descendants("ProjectReference")
                .Select(r => r.Attribute("Include")!.Value.Replace('\\', '/'))
                .ToArray();

        [Fact]
        public void Mock_cloud_references_the_libraries_not_the_firmware_executable()
        {
            string[] references = References("DeviceFirmware.MockCloud", "DeviceFirmware.MockCloud.csproj");

            Assert.DoesNotContain("../DeviceFirmware/DeviceFirmware.csproj", references);
            Assert.Contains("../DeviceFirmware.Core/DeviceFirmware.Core.csproj", references);
            Assert.Contains("../DeviceFirmware.Connectivity/DeviceFirmware.Connectivity.csproj", references);
        }

        [Fact]
        public void Firmware_takes_core_from_the_library_and_does_not_compile_it_again()
        {
            XDocument firmware = XDocument.Load(NanoRepo.Path("DeviceFirmware", "DeviceFirmware.csproj"));
            Assert.Contains(firmware.Descendants("Compile"), c => c.Attribute("Remove")?.Value == "Core/**");
            Assert.Contains("../DeviceFirmware.Core/DeviceFirmware.Core.csproj", References("DeviceFirmware", "DeviceFirmware.csproj"));

            XDocument core = XDocument.Load(NanoRepo.Path("DeviceFirmware.Core", "DeviceFirmware.Core.csproj"));
            Assert.Contains(core.Descendants("Compile"), c => c.Attribute("Include")?.Value == "../DeviceFirmware/Core/**/*.cs");
            Assert.Equal("disable", core.Descendants("Nullable").Single().Value, StringComparer.Ordinal);
        }

        [Fact]
        public void Generators_are_compiled_by_the_tool_library_only()
        {
            // The types live in the tool assembly, not in the codec (Protocol) or the firmware executable.
            Assert.Equal("DeviceFirmware.Generators", typeof(ProductSourceGenerator).Assembly.GetName().Name);
            Assert.Equal("DeviceFirmware.Generators", typeof(BoardSourceGenerator).Assembly.GetName().Name);
            foreach (Type inDevice in new[] { typeof(ProductJson), typeof(Esp32DevkitcBoard) })
            {
                Assert.DoesNotContain(inDevice.Assembly.GetTypes(), t => t.Name.EndsWith("SourceGenerator", StringComparison.Ordinal));
            }

            // No generator source sits in the device projects' folders (compiled by the default glob), nor is one
            // linked in by a .csproj or listed by an ESP32 .nfproj.
            foreach (string folder in new[] { "DeviceFirmware.Protocol", "DeviceFirmware" })
            {
                string root = NanoRepo.Path(folder);
                string[] sources = Directory.GetFiles(root, "*SourceGenerator*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                    .ToArray();
                Assert.Empty(sources);
            }

            foreach (string[] project in new[]
            {
                new[] { "DeviceFirmware.Protocol", "DeviceFirmware.Protocol.csproj" },
                new[] { "DeviceFirmware", "DeviceFirmware.csproj" },
                new[] { "DeviceFirmware.Core", "DeviceFirmware.Core.csproj" },
                new[] { "DeviceFirmware.Protocol", "DeviceFirmware.Protocol.nfproj" },
                new[] { "DeviceFirmware.Nano", "DeviceFirmware.nfproj" },
            })
            {
                XDocument doc = XDocument.Load(NanoRepo.Path(project));
                Assert.DoesNotContain(doc.Descendants().Where(e => e.Name.LocalName == "Compile"),
                    c => (c.Attribute("Include")?.Value ?? string.Empty).Contains("SourceGenerator", StringComparison.Ordinal));
            }

            Assert.Contains("../DeviceFirmware.Generators/DeviceFirmware.Generators.csproj", References("DeviceFirmware.MockCloud", "DeviceFirmware.MockCloud.csproj"));
            Assert.DoesNotContain("../DeviceFirmware.Generators/DeviceFirmware.Generators.csproj", References("DeviceFirmware", "DeviceFirmware.csproj"));
            Assert.DoesNotContain("../DeviceFirmware.Generators/DeviceFirmware.Generators.csproj", References("DeviceFirmware.Protocol", "DeviceFirmware.Protocol.csproj"));
        }
    }
}
