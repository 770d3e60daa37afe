using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil.Network
{
    /// <summary>
    /// A network namespace of the test's own (<c>gzfw-xxxxxx</c>) joined to the root namespace by a veth pair on a
    /// private /30 from 10.201.0.0/16, with an nftables table of its own inside the namespace to inject faults: drop
    /// every packet, drop a random share, or take the link down. Only the namespace, the pair and the table this
    /// object made are ever touched; <see cref="Dispose"/> removes all three, even after a failed test.
    /// </summary>
    internal sealed class FirmwareNamespace : IDisposable
    {
        /// <summary>The nftables table (family inet) the faults live in, inside the namespace only.</summary>
        public const string Table = "gzfw_fault";

        private static readonly object SubnetGate = new();
        private static readonly HashSet<int> SubnetsInUse = new();
        private readonly ITestOutputHelper output;
        private readonly string ip;
        private readonly int subnet;
        private bool created;

        private FirmwareNamespace(ITestOutputHelper output, string ip, string id, int subnet)
        {
            this.output = output;
            this.ip = ip;
            this.subnet = subnet;
            Name = "gzfw-" + id;
            HostInterface = Name + "-h";
            PeerInterface = Name + "-n";
            int third = subnet >> 6, fourth = (subnet & 63) * 4;
            HostAddress = string.Create(CultureInfo.InvariantCulture, $"10.201.{third}.{fourth + 1}");
            PeerAddress = string.Create(CultureInfo.InvariantCulture, $"10.201.{third}.{fourth + 2}");
        }

        /// <summary>The namespace's name (for <c>ip netns exec</c>).</summary>
        public string Name { get; }

        /// <summary>The veth end in the root namespace, holding <see cref="HostAddress"/>.</summary>
        public string HostInterface { get; }

        /// <summary>The veth end inside the namespace, holding <see cref="PeerAddress"/>.</summary>
        public string PeerInterface { get; }

        /// <summary>The root side's address: the mock cloud listens here.</summary>
        public string HostAddress { get; }

        /// <summary>The namespace side's address: the firmware's.</summary>
        public string PeerAddress { get; }

        /// <summary>
        /// Makes the namespace, the veth pair and the fault table. Throws <see cref="SkipTestException"/> (after writing
        /// "SKIPPED: …") where namespaces cannot be made: not Linux, not root, <c>ip</c>/<c>nft</c> missing, or
        /// <c>ip netns add</c> refused. A failure after the namespace exists is a test failure, not a skip.
        /// </summary>
        public static FirmwareNamespace Create(ITestOutputHelper output, string test)
        {
            if (!OperatingSystem.IsLinux()) throw SkipTestException.Because(output, test, "network namespaces need Linux");
            if (!Environment.IsPrivilegedProcess) throw SkipTestException.Because(output, test, "network namespaces need root (CAP_NET_ADMIN); CI runs ./test.sh as root");
            string? ip = HostCommand.Find("ip");
            string? nft = HostCommand.Find("nft");
            if (ip is null || nft is null) throw SkipTestException.Because(output, test, "'ip' (iproute2) or 'nft' (nftables) not installed; ./test.sh installs them");

            var ns = new FirmwareNamespace(output, ip, Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant(), ReserveSubnet(ip));
            if (!HostCommand.TryRun(ip, new[] { "netns", "add", ns.Name }, null, out string refused))
            {
                ns.ReleaseSubnet();
                throw SkipTestException.Because(output, test, "cannot make a network namespace here: " + refused);
            }

            ns.created = true;
            try
            {
                ns.Ip("link", "add", ns.HostInterface, "type", "veth", "peer", "name", ns.PeerInterface, "netns", ns.Name);
                ns.Ip("addr", "add", ns.HostAddress + "/30", "dev", ns.HostInterface);
                ns.Ip("link", "set", ns.HostInterface, "up");
                ns.Ip("-n", ns.Name, "addr", "add", ns.PeerAddress + "/30", "dev", ns.PeerInterface);
                ns.Ip("-n", ns.Name, "link", "set", ns.PeerInterface, "up");
                ns.Ip("-n", ns.Name, "link", "set", "lo", "up");

                // Both hooks, so a fault stops what the firmware sends as well as what it receives.
                ns.Nft($$"""
                    add table inet {{Table}}
                    add chain inet {{Table}} input { type filter hook input priority 0 ; policy accept ; }
                    add chain inet {{Table}} output { type filter hook output priority 0 ; policy accept ; }
                    """);
                output.WriteLine($"namespace {ns.Name}: {ns.HostInterface} {ns.HostAddress}/30 <-> {ns.PeerInterface} {ns.PeerAddress}/30, nft table inet {Table}");
                return ns;
            }
            catch
            {
                ns.Dispose();
                throw;
            }
        }

        /// <summary>The command prefix that runs a program inside the namespace.</summary>
        public string[] Exec(params string[] command)
        {
            var all = new List<string> { ip, "netns", "exec", Name };
            all.AddRange(command);
            return all.ToArray();
        }

        /// <summary>Drops every packet in and out of the namespace (a dead link that still looks up).</summary>
        public void DropAll() => Nft($"""
            add rule inet {Table} input drop
            add rule inet {Table} output drop
            """);

        /// <summary>Drops a random <paramref name="percent"/> % of the packets, each direction on its own.</summary>
        public void DropRandom(int percent) => Nft(string.Create(CultureInfo.InvariantCulture, $"""
            add rule inet {Table} input numgen random mod 100 < {percent} drop
            add rule inet {Table} output numgen random mod 100 < {percent} drop
            """));

        /// <summary>Removes every drop rule (the table and its chains stay).</summary>
        public void ClearDrops() => Nft($"""
            flush chain inet {Table} input
            flush chain inet {Table} output
            """);

        /// <summary>Takes the namespace's end of the link down (its route goes with it) or back up.</summary>
        public void SetLink(bool up) => Ip("-n", Name, "link", "set", PeerInterface, up ? "up" : "down");

        /// <summary>Removes the table, the namespace and the veth pair; never throws, reports what it could not remove.</summary>
        public void Dispose()
        {
            if (created)
            {
                created = false;
                HostCommand.TryRun(ip, new[] { "netns", "exec", Name, "nft", "delete", "table", "inet", Table }, null, out _);
                if (!HostCommand.TryRun(ip, new[] { "netns", "del", Name }, null, out string failed)) Report(failed);

                // Deleting the namespace deletes its veth end and so the pair; this only matters if that did not happen.
                if (HostCommand.TryRun(ip, new[] { "link", "show", HostInterface }, null, out _)
                    && !HostCommand.TryRun(ip, new[] { "link", "del", HostInterface }, null, out failed))
                {
                    Report(failed);
                }
            }

            ReleaseSubnet();
        }

        private static int ReserveSubnet(string ip)
        {
            // 10.201.0.0/16 holds 16384 /30s: pick one no test here holds and no interface on the host uses.
            string addresses = HostCommand.TryRun(ip, new[] { "-o", "-4", "addr", "show" }, null, out string shown) ? shown : "";
            lock (SubnetGate)
            {
                while (true)
                {
                    int candidate = RandomNumberGenerator.GetInt32(16384);
                    string prefix = string.Create(CultureInfo.InvariantCulture, $"10.201.{candidate >> 6}.");
                    bool onHost = false;
                    for (int host = 0; host < 4; host++)
                    {
                        onHost |= addresses.Contains(prefix + ((candidate & 63) * 4 + host).ToString(CultureInfo.InvariantCulture) + "/", StringComparison.Ordinal);
                    }

                    if (!onHost && SubnetsInUse.Add(candidate)) return candidate;
                }
            }
        }

        private void ReleaseSubnet()
        {
            lock (SubnetGate) SubnetsInUse.Remove(subnet);
        }

        private void Ip(params string[] arguments) => HostCommand.Run(ip, arguments);

        private void Nft(string script) => HostCommand.Run(ip, new[] { "netns", "exec", Name, "nft", "-f", "-" }, script);

        private void Report(string failed)
        {
            output.WriteLine("cleanup: " + failed);
            Console.WriteLine($"{Name} cleanup: {failed}");
        }
    }
}
