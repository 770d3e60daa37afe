using System;
using System.Linq;
using System.Xml.Linq;
using DeviceFirmware.Tests.Nano;
using Xunit;

namespace DeviceFirmware.Tests.Build
{
    /// <summary>
    /// gizctl shares the firmware's core and connection pieces through libraries, never through the firmware's
    /// executable project; the core's one set of sources (DeviceFirmware/Core, also compiled for nanoFramework) is
    /// compiled for .NET by the DeviceFirmware.Core library only.
    /// </summary>
    public class ProjectReferenceTests
    {
        private static string[] References(params string[] path) =>
            XDocument.Load(NanoRepo.Path(path)).Descendants("ProjectReference")
                .Select(r => r.Attribute("Include")!.Value.Replace('\\', '/'))
                .ToArray();

        [Fact]
        public void MockCloud_References_The_Libraries_Not_The_Firmware_Executable()
        {
            string[] references = References("DeviceFirmware.MockCloud", "DeviceFirmware.MockCloud.csproj");

            Assert.DoesNotContain("../DeviceFirmware/DeviceFirmware.csproj", references);
            Assert.Contains("../DeviceFirmware.Core/DeviceFirmware.Core.csproj", references);
            Assert.Contains("../DeviceFirmware.Connectivity/DeviceFirmware.Connectivity.csproj", references);
        }

        [Fact]
        public void Firmware_Takes_Core_From_The_Library_And_Does_Not_Compile_It_Again()
        {
            XDocument firmware = XDocument.Load(NanoRepo.Path("DeviceFirmware", "DeviceFirmware.csproj"));
            Assert.Contains(firmware.Descendants("Compile"), c => c.Attribute("Remove")?.Value == "Core/**");
            Assert.Contains("../DeviceFirmware.Core/DeviceFirmware.Core.csproj", References("DeviceFirmware", "DeviceFirmware.csproj"));

            XDocument core = XDocument.Load(NanoRepo.Path("DeviceFirmware.Core", "DeviceFirmware.Core.csproj"));
            Assert.Contains(core.Descendants("Compile"), c => c.Attribute("Include")?.Value == "../DeviceFirmware/Core/**/*.cs");
            Assert.Equal("disable", core.Descendants("Nullable").Single().Value, StringComparer.Ordinal);
        }
    }
}
