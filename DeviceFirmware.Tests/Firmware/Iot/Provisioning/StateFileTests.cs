using System;
using System.IO;
using DeviceFirmware.Iot.Provisioning;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Provisioning
{
    public class StateFileTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("fw-state-").FullName;

        public void Dispose() => Directory.Delete(folder, true);

        [Fact]
        public void Saved_identity_comes_back()
        {
            string path = Path.Combine(folder, "sub", "state.json");
            StateFile.Save(path, new DeviceIdentity("abcDID123", "ABCDEFGHIJ", "pk1"));
            Assert.True(StateFile.TryLoad(path, out DeviceIdentity? identity, out _));
            Assert.Equal(new DeviceIdentity("abcDID123", "ABCDEFGHIJ", "pk1"), identity);
            Assert.False(File.Exists(path + ".tmp"));
        }

        [Fact]
        public void No_file_is_no_identity_and_no_error()
        {
            Assert.True(StateFile.TryLoad(Path.Combine(folder, "none.json"), out DeviceIdentity? identity, out string error));
            Assert.Null(identity);
            Assert.Empty(error);
        }

        [Theory]
        [InlineData("{not json")]
        [InlineData("{\"did\":\"a/b\",\"passcode\":\"P\",\"product_key\":\"k\"}")]
        [InlineData("{\"did\":\"abc\",\"passcode\":\"\",\"product_key\":\"k\"}")]
        [InlineData("null")]
        public void A_bad_file_is_reported_not_used(string text)
        {
            string path = Path.Combine(folder, "bad.json");
            File.WriteAllText(path, text);
            Assert.False(StateFile.TryLoad(path, out DeviceIdentity? identity, out string error));
            Assert.Null(identity);
            Assert.Contains("bad.json", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Passcodes_are_ten_letters_A_to_Y()
        {
            for (int i = 0; i < 200; i++)
            {
                string passcode = Passcode.NewRandom();
                Assert.Equal(10, passcode.Length);
                Assert.All(passcode, c => Assert.InRange(c, 'A', 'Y'));
            }
        }
    }
}
