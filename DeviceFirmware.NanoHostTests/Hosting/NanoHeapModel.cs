using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;

namespace DeviceFirmware.NanoHostTests.Hosting
{
    /// <summary>
    /// Costs a graph of live objects the way nanoCLR allocates them (nf-interpreter src/CLR/Core/Execution.cpp and
    /// CLR_RT_HeapBlock_*.cpp at the firmware commit in build/nano-check/provenance.tsv), in 12-byte heap blocks
    /// (sizeof(CLR_RT_HeapBlock) on a 32-bit MCU):
    /// <list type="bullet">
    /// <item>a class instance: its instance fields (inherited ones too) + 1 blocks (<c>m_totalFields + HB_Object_Fields_Offset</c>);
    /// every field takes one block whatever its type (long and double included); a field of a struct type holds a
    /// reference to a boxed value-type object costed the same way;</item>
    /// <item>an array: ceil((20 + length × element size) / 12) blocks (<c>sizeof(CLR_RT_HeapBlock_Array)</c> = 20), the
    /// element size being the primitive's (1, 2, 4 or 8 bytes) and 12 for references, strings and structs;</item>
    /// <item>a string: ceil((12 + UTF-8 bytes + 1) / 12) blocks (<c>CLR_RT_HeapBlock_String::CreateInstance</c>); a literal
    /// (ldstr) costs only its 12-byte header on the device, its text stays in the deployed assembly, so this is an upper bound;</item>
    /// <item>a boxed primitive or enum: 2 blocks; a plain <c>object</c>: 1 block; a delegate: 3 blocks
    /// (CLR_RT_HeapBlock_Delegate: header, method index, target); an AutoResetEvent: 2 blocks (WaitHandle with its native handle).</item>
    /// </list>
    /// Objects of the package doubles (System.Device.*, nanoFramework.*) are not walked: they stand for the packages'
    /// own objects, which this model cannot see (their cost is estimated separately). Any other type fails the walk, so
    /// nothing is silently left out.
    /// </summary>
    internal sealed class NanoHeapModel
    {
        public const int BlockBytes = 12;
        public const int ArrayHeaderBytes = 20;

        private readonly HashSet<object> seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        private readonly Stack<object> pending = new Stack<object>();
        private readonly Dictionary<string, (int Count, int Bytes)> byType = new Dictionary<string, (int, int)>(StringComparer.Ordinal);

        public int Bytes { get; private set; }

        public int Objects { get; private set; }

        /// <summary>Package objects met and not walked, by type.</summary>
        public SortedSet<string> PackageTypes { get; } = new SortedSet<string>(StringComparer.Ordinal);

        public void Walk(params object[] roots)
        {
            foreach (object root in roots) Push(root);
            while (pending.Count > 0) Cost(pending.Pop());
        }

        public string Report() => string.Join("\n", byType.OrderByDescending(e => e.Value.Bytes).Select(e => $"{e.Value.Bytes,7} B {e.Value.Count,5} × {e.Key}"));

        private static int Blocks(int bytes) => (bytes + BlockBytes - 1) / BlockBytes;

        private void Push(object value)
        {
            if (value == null) return;
            Type type = value.GetType();
            if (IsPackage(type))
            {
                PackageTypes.Add(type.FullName!);
                return;
            }

            if (!type.IsValueType && !seen.Add(value)) return;
            pending.Push(value);
        }

        private void Add(object value, int blocks)
        {
            string name = value is Array ? value.GetType().GetElementType()!.Name + "[]" : value.GetType().Name;
            byType.TryGetValue(name, out (int Count, int Bytes) entry);
            byType[name] = (entry.Count + 1, entry.Bytes + (blocks * BlockBytes));
            Bytes += blocks * BlockBytes;
            Objects++;
        }

        private void Cost(object value)
        {
            Type type = value.GetType();
            switch (value)
            {
                case string text:
                    Add(value, Blocks(BlockBytes + Encoding.UTF8.GetByteCount(text) + 1));
                    return;
                case Array array:
                    Type element = type.GetElementType()!;
                    Add(value, Blocks(ArrayHeaderBytes + (array.Length * ElementSize(element))));
                    if (!IsPrimitiveLike(element))
                    {
                        foreach (object item in array) Push(item);
                    }

                    return;
                case Delegate d:
                    Add(value, 3);
                    Push(d.Target);
                    return;
                case AutoResetEvent:
                    Add(value, 2);
                    return;
            }

            if (type == typeof(object))
            {
                Add(value, 1);
                return;
            }

            if (IsPrimitiveLike(type))
            {
                Add(value, 2);
                return;
            }

            if (type.Namespace == null || !type.Namespace.StartsWith("DeviceFirmware.", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("no nanoCLR cost rule for " + type.FullName + "; add one");
            }

            List<FieldInfo> fields = InstanceFields(type);
            Add(value, fields.Count + 1);
            foreach (FieldInfo field in fields)
            {
                if (IsPrimitiveLike(field.FieldType)) continue;
                Push(field.GetValue(value));
            }
        }

        private static List<FieldInfo> InstanceFields(Type type)
        {
            var fields = new List<FieldInfo>();
            for (Type t = type; t != null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType!)
            {
                fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            }

            return fields;
        }

        // Stored inside the field's or element's own block (nanoCLR's numeric data types, DateTime and TimeSpan).
        private static bool IsPrimitiveLike(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(DateTime) || type == typeof(TimeSpan);

        private static int ElementSize(Type element)
        {
            if (element.IsEnum) element = Enum.GetUnderlyingType(element);
            if (element == typeof(bool) || element == typeof(byte) || element == typeof(sbyte)) return 1;
            if (element == typeof(char) || element == typeof(short) || element == typeof(ushort)) return 2;
            if (element == typeof(int) || element == typeof(uint) || element == typeof(float)) return 4;
            if (element == typeof(long) || element == typeof(ulong) || element == typeof(double) || element == typeof(DateTime) || element == typeof(TimeSpan)) return 8;
            return BlockBytes;
        }

        private static bool IsPackage(Type type)
        {
            string ns = type.Namespace ?? string.Empty;
            return ns.StartsWith("System.Device.", StringComparison.Ordinal) || ns.StartsWith("nanoFramework.", StringComparison.Ordinal);
        }
    }
}
