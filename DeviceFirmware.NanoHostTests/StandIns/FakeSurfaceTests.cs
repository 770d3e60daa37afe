using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace DeviceFirmware.NanoHostTests.StandIns
{
    /// <summary>
    /// The behavioural doubles in Fakes/ have exactly the public surface of the signature stand-ins in
    /// build/nano-check/stubs (each of which names the release tag it was read at): same types and kinds, base types,
    /// interfaces, enum base types and members, constructors, methods (return type, parameter types and order, default
    /// values), properties (public accessors), events (handler types) and public fields. So the behaviour tested here is
    /// the behaviour of code that calls the pinned packages' API, not of an API of our own invention.
    /// </summary>
    public class FakeSurfaceTests
    {
        private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;

        /// <summary>The stand-ins with a double here (System.Net's X509Certificate is the BCL's own type on .NET).</summary>
        public static TheoryData<string> StandIns => new TheoryData<string>
        {
            "System.Device.Gpio", "System.Device.I2c", "System.Device.Pwm", "System.Device.Wifi", "nanoFramework.Hardware.Esp32",
            "nanoFramework.M2Mqtt.Core", "nanoFramework.M2Mqtt", "nanoFramework.Runtime.Native",
        };

        [Theory]
        [MemberData(nameof(StandIns))]
        public void The_double_has_the_stand_ins_public_surface(string assemblyName)
        {
            string path = Path.Combine(Metadata("NanoStandIns"), assemblyName, "bin", "Release", "netstandard2.0", assemblyName + ".dll");
            Assert.True(File.Exists(path), path + " missing: build the solution (it builds the stand-ins) or run build/nano-check/run.sh");
            string[] paths = Directory.GetFiles(Metadata("NanoStandIns"), "*.dll", SearchOption.AllDirectories)
                .Where(p => p.Contains(Path.Combine("bin", "Release", "netstandard2.0"), StringComparison.Ordinal))
                .Append(Metadata("NanoMscorlib"))
                .ToArray();
            using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "mscorlib");
            Assembly standIn = context.LoadFromAssemblyPath(path);
            Assembly doubles = typeof(FakeSurfaceTests).Assembly;

            var missing = new List<string>();
            var extra = new List<string>();
            foreach (Type type in standIn.GetExportedTypes())
            {
                Type fake = doubles.GetType(type.FullName!);
                if (fake == null || !fake.IsPublic && !fake.IsNestedPublic)
                {
                    missing.Add("type " + type.FullName);
                    continue;
                }

                HashSet<string> want = Surface(type);
                HashSet<string> have = Surface(fake);
                missing.AddRange(want.Except(have));
                extra.AddRange(have.Except(want));
            }

            // A public double in this stand-in's namespaces must be declared by it or by another stand-in (M2Mqtt and
            // M2Mqtt.Core share a namespace).
            Assembly[] all = paths.Where(p => !p.EndsWith("mscorlib.dll", StringComparison.Ordinal)).Select(context.LoadFromAssemblyPath).ToArray();
            foreach (Type fake in doubles.GetExportedTypes().Where(t => !t.IsNested && standIn.GetExportedTypes().Any(s => s.Namespace == t.Namespace)))
            {
                if (!all.Any(a => a.GetType(fake.FullName!) != null)) extra.Add("type " + fake.FullName);
            }

            Assert.True(missing.Count == 0 && extra.Count == 0, "double of " + assemblyName + " differs from its stand-in:\n missing: "
                + string.Join("\n  ", missing) + "\n extra: " + string.Join("\n  ", extra));
        }

        [Fact]
        public void A_changed_signature_is_seen()
        {
            // The comparison itself can fail: two types whose Read differs only in the return type.
            Assert.NotEqual(Surface(typeof(SampleA)).Single(m => m.Contains("Read", StringComparison.Ordinal)), Surface(typeof(SampleB)).Single(m => m.Contains("Read", StringComparison.Ordinal)).Replace("SampleB", "SampleA", StringComparison.Ordinal));
        }

        /// <summary>One line per public member, independent of where the type was loaded from.</summary>
        internal static HashSet<string> Surface(Type type)
        {
            var lines = new HashSet<string>(StringComparer.Ordinal);
            string kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : IsDelegate(type) ? "delegate" : "class";
            lines.Add($"{kind} {type.FullName} : {type.BaseType?.FullName} [{string.Join(",", OwnInterfaces(type))}]"
                + (type.IsSealed ? " sealed" : string.Empty) + (type.IsAbstract ? " abstract" : string.Empty));
            if (type.IsEnum)
            {
                lines.Add("underlying " + type.GetEnumUnderlyingType().FullName);
                foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static)) lines.Add($"{type.FullName}.{field.Name} = {field.GetRawConstantValue()}");
                return lines;
            }

            foreach (ConstructorInfo ctor in type.GetConstructors(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.Instance)) lines.Add($"{type.FullName}.ctor({Parameters(ctor)})");
            foreach (MethodInfo method in type.GetMethods(Declared))
            {
                if (method.IsSpecialName && !method.Name.StartsWith("op_", StringComparison.Ordinal)) continue;
                lines.Add($"{(method.IsStatic ? "static " : string.Empty)}{(method.IsVirtual && !type.IsInterface ? "virtual " : string.Empty)}{method.ReturnType.FullName} {type.FullName}.{method.Name}({Parameters(method)})");
            }

            foreach (PropertyInfo property in type.GetProperties(Declared))
            {
                string get = property.GetMethod is { IsPublic: true } ? "get;" : string.Empty;
                string set = property.SetMethod is { IsPublic: true } ? "set;" : string.Empty;
                lines.Add($"{property.PropertyType.FullName} {type.FullName}.{property.Name} {{{get}{set}}}");
            }

            foreach (EventInfo e in type.GetEvents(Declared)) lines.Add($"event {e.EventHandlerType?.FullName} {type.FullName}.{e.Name}");
            foreach (FieldInfo field in type.GetFields(Declared))
            {
                lines.Add($"field {field.FieldType.FullName} {type.FullName}.{field.Name}{(field.IsLiteral ? " = " + field.GetRawConstantValue() : string.Empty)}");
            }

            foreach (Type nested in type.GetNestedTypes(BindingFlags.Public)) lines.UnionWith(Surface(nested));
            return lines;
        }

        private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
            (p.IsOut ? "out " : string.Empty) + p.ParameterType.FullName + (p.HasDefaultValue ? " = " + (p.RawDefaultValue ?? "null") : string.Empty)));

        // Interfaces the type adds to its base type's (.NET's System.Enum and MulticastDelegate implement more than nano's).
        private static IEnumerable<string> OwnInterfaces(Type type)
        {
            var inherited = new HashSet<string>((type.BaseType?.GetInterfaces() ?? Type.EmptyTypes).Select(i => i.FullName!), StringComparer.Ordinal);
            return type.GetInterfaces().Select(i => i.FullName!).Where(n => !inherited.Contains(n)).Order(StringComparer.Ordinal);
        }

        private static bool IsDelegate(Type type) => type.BaseType?.FullName == "System.MulticastDelegate";

        private static string Metadata(string key) =>
            typeof(FakeSurfaceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        private sealed class SampleA
        {
            public int Read() => 0;
        }

        private sealed class SampleB
        {
            public void Read()
            {
            }
        }
    }
}
