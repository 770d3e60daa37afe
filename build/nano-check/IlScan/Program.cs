using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NanoCheck.IlScan
{
    /// <summary>
    /// Scans an assembly compiled against nanoFramework's mscorlib for constructs that compile but cannot run
    /// on the nanoFramework 1.x runtime:
    ///   - generic type or method definitions (GenericParam table),
    ///   - generic instantiations (GenericInst in TypeSpec / MethodSpec rows and in any signature),
    ///   - multi-dimensional arrays (ArrayShape in any signature),
    ///   - default interface members (an interface method that is not abstract, or any interface field),
    ///   - an assembly reference other than mscorlib (and, with --mscorlib, other than that exact mscorlib).
    /// Prints one line per finding, then "nano-check: N types scanned, M findings". Exit 0 clean, 1 findings, 2 usage/IO.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            string? assemblyPath = null;
            string? mscorlibPath = null;
            var allowedPaths = new List<string>();
            bool verbose = false;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--mscorlib" && i + 1 < args.Length) mscorlibPath = args[++i];
                else if (args[i] == "--allow" && i + 1 < args.Length) allowedPaths.Add(args[++i]);
                else if (args[i] == "--allow-list" && i + 1 < args.Length)
                {
                    string list = args[++i];
                    if (!File.Exists(list))
                    {
                        Console.Error.WriteLine($"nano-check: no such file: {list}");
                        return 2;
                    }

                    allowedPaths.AddRange(File.ReadAllLines(list).Where(l => l.Trim().Length > 0).Select(l => l.Trim()));
                }
                else if (args[i] == "--verbose") verbose = true;
                else if (assemblyPath == null && !args[i].StartsWith("--", StringComparison.Ordinal)) assemblyPath = args[i];
                else return Usage();
            }

            if (assemblyPath == null) return Usage();
            if (!File.Exists(assemblyPath))
            {
                Console.Error.WriteLine($"nano-check: no such file: {assemblyPath}");
                return 2;
            }

            AssemblyName? expectedCorlib = null;
            if (mscorlibPath != null)
            {
                if (!File.Exists(mscorlibPath))
                {
                    Console.Error.WriteLine($"nano-check: no such file: {mscorlibPath}");
                    return 2;
                }

                expectedCorlib = AssemblyName.GetAssemblyName(mscorlibPath);
            }

            // Each allowed reference is an assembly file (a signature stand-in or the strictly built NanoCheck.dll): a
            // reference to that name is accepted only at that exact version and public key token.
            var allowed = new Dictionary<string, AssemblyName>(StringComparer.Ordinal);
            foreach (string path in allowedPaths)
            {
                if (!File.Exists(path))
                {
                    Console.Error.WriteLine($"nano-check: no such file: {path}");
                    return 2;
                }

                AssemblyName name = AssemblyName.GetAssemblyName(path);
                if (name.Name == null || name.Name == "mscorlib")
                {
                    Console.Error.WriteLine($"nano-check: --allow cannot name mscorlib (use --mscorlib): {path}");
                    return 2;
                }

                allowed[name.Name] = name;
            }

            using FileStream stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                Console.Error.WriteLine($"nano-check: not a .NET assembly: {assemblyPath}");
                return 2;
            }

            var scanner = new Scanner(pe.GetMetadataReader(), pe, expectedCorlib, allowed) { Verbose = verbose };
            scanner.Run();
            foreach (string finding in scanner.Findings) Console.WriteLine(finding);
            Console.WriteLine($"nano-check: {scanner.TypesScanned} types scanned, {scanner.Findings.Count} findings");
            return scanner.Findings.Count == 0 ? 0 : 1;
        }

        private static int Usage()
        {
            Console.Error.WriteLine("usage: IlScan <assembly.dll> [--mscorlib <nano mscorlib.dll>] [--allow <assembly.dll>]... [--allow-list <file of paths>] [--verbose]");
            return 2;
        }
    }

    internal sealed class Scanner
    {
        private readonly MetadataReader _md;
        private readonly PEReader _pe;
        private readonly AssemblyName? _expectedCorlib;
        private readonly IReadOnlyDictionary<string, AssemblyName> _allowed;
        private readonly SignatureNames _names;
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly HashSet<EntityHandle> _reportedSpecs = new();

        public Scanner(MetadataReader md, PEReader pe, AssemblyName? expectedCorlib, IReadOnlyDictionary<string, AssemblyName>? allowed = null)
        {
            _md = md;
            _pe = pe;
            _expectedCorlib = expectedCorlib;
            _allowed = allowed ?? new Dictionary<string, AssemblyName>();
            _names = new SignatureNames(md);
        }

        public List<string> Findings { get; } = new();

        public int TypesScanned { get; private set; }

        /// <summary>Also print every assembly reference and every type scanned (to stderr).</summary>
        public bool Verbose { get; init; }

        public void Run()
        {
            CheckAssemblyReferences();
            CheckGenericParameters();
            foreach (TypeDefinitionHandle typeHandle in _md.TypeDefinitions)
            {
                TypesScanned++;
                CheckType(typeHandle);
            }

            // Anything generic or multi-dimensional left in the spec tables that no signature or method body
            // above led to (e.g. one used only inside a custom attribute): report the row itself.
            foreach (int row in Enumerable.Range(1, _md.GetTableRowCount(TableIndex.TypeSpec)))
            {
                TypeSpecificationHandle h = MetadataTokens.TypeSpecificationHandle(row);
                if (!_reportedSpecs.Contains(h)) CheckTypeSpec(h, $"TypeSpec row {row}");
            }

            foreach (int row in Enumerable.Range(1, _md.GetTableRowCount(TableIndex.MethodSpec)))
            {
                MethodSpecificationHandle h = MetadataTokens.MethodSpecificationHandle(row);
                if (!_reportedSpecs.Contains(h)) CheckMethodSpec(h, $"MethodSpec row {row}");
            }
        }

        private void Add(string finding)
        {
            if (_seen.Add(finding)) Findings.Add(finding);
        }

        private void CheckAssemblyReferences()
        {
            foreach (AssemblyReferenceHandle h in _md.AssemblyReferences)
            {
                AssemblyName name = _md.GetAssemblyReference(h).GetAssemblyName();
                if (Verbose) Console.Error.WriteLine($"  reference: {name.FullName}");
                if (name.Name != null && _allowed.TryGetValue(name.Name, out AssemblyName? stand))
                {
                    if (name.Version != stand.Version || !SameToken(name, stand))
                        Add($"assembly reference: {name.FullName} is not the allowed {stand.FullName}");
                }
                else if (name.Name != "mscorlib")
                {
                    string also = _allowed.Count == 0 ? string.Empty : $" and the allowed {string.Join(", ", _allowed.Keys.OrderBy(k => k, StringComparer.Ordinal))}";
                    Add($"assembly reference: {name.FullName} (only nanoFramework's mscorlib{also} is allowed)");
                }
                else if (_expectedCorlib != null &&
                         (name.Version != _expectedCorlib.Version ||
                          !(name.GetPublicKeyToken() ?? Array.Empty<byte>()).AsSpan().SequenceEqual(_expectedCorlib.GetPublicKeyToken() ?? Array.Empty<byte>())))
                {
                    Add($"assembly reference: {name.FullName} is not nanoFramework's mscorlib ({_expectedCorlib.FullName})");
                }
            }
        }

        private static bool SameToken(AssemblyName a, AssemblyName b) =>
            (a.GetPublicKeyToken() ?? Array.Empty<byte>()).AsSpan().SequenceEqual(b.GetPublicKeyToken() ?? Array.Empty<byte>());

        private void CheckGenericParameters()
        {
            var owners = new HashSet<EntityHandle>();
            foreach (int row in Enumerable.Range(1, _md.GetTableRowCount(TableIndex.GenericParam)))
            {
                GenericParameter p = _md.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
                if (!owners.Add(p.Parent)) continue;
                if (p.Parent.Kind == HandleKind.TypeDefinition)
                    Add($"generic type definition: {_names.TypeName((TypeDefinitionHandle)p.Parent)}");
                else if (p.Parent.Kind == HandleKind.MethodDefinition)
                    Add($"generic method definition: {_names.MethodName((MethodDefinitionHandle)p.Parent)}");
                else
                    Add($"generic parameter on {p.Parent.Kind} 0x{MetadataTokens.GetToken(p.Parent):X8}");
            }
        }

        private void CheckType(TypeDefinitionHandle typeHandle)
        {
            TypeDefinition type = _md.GetTypeDefinition(typeHandle);
            string typeName = _names.TypeName(typeHandle);
            if (Verbose) Console.Error.WriteLine($"  type: {typeName}");
            bool isInterface = (type.Attributes & TypeAttributes.Interface) != 0;

            if (!type.BaseType.IsNil) CheckTypeHandle(type.BaseType, $"{typeName}: base type");
            foreach (InterfaceImplementationHandle ih in type.GetInterfaceImplementations())
                CheckTypeHandle(_md.GetInterfaceImplementation(ih).Interface, $"{typeName}: implemented interface");

            foreach (FieldDefinitionHandle fh in type.GetFields())
            {
                FieldDefinition field = _md.GetFieldDefinition(fh);
                string where = $"{typeName}.{_md.GetString(field.Name)}";
                if (isInterface) Add($"interface field (default interface members are not supported): {where}");
                Report(where, "field type", _names.DecodeField(field.Signature));
            }

            foreach (MethodDefinitionHandle mh in type.GetMethods())
            {
                MethodDefinition method = _md.GetMethodDefinition(mh);
                string where = _names.MethodName(mh);
                if (isInterface && (method.Attributes & MethodAttributes.Abstract) == 0)
                    Add($"default interface member (interface method with a body): {where}");
                else if (isInterface && (method.Attributes & MethodAttributes.Static) != 0)
                    Add($"static abstract interface member: {where}");

                Report(where, "signature", _names.DecodeMethod(method.Signature));
                if (method.RelativeVirtualAddress != 0) CheckBody(where, method.RelativeVirtualAddress);
            }

            foreach (PropertyDefinitionHandle ph in type.GetProperties())
            {
                PropertyDefinition prop = _md.GetPropertyDefinition(ph);
                Report($"{typeName}.{_md.GetString(prop.Name)}", "property type", _names.DecodeProperty(prop.Signature));
            }

            foreach (EventDefinitionHandle eh in type.GetEvents())
            {
                EventDefinition ev = _md.GetEventDefinition(eh);
                CheckTypeHandle(ev.Type, $"{typeName}.{_md.GetString(ev.Name)}: event type");
            }
        }

        private void CheckBody(string where, int rva)
        {
            MethodBodyBlock body = _pe.GetMethodBody(rva);
            if (!body.LocalSignature.IsNil)
            {
                StandaloneSignature locals = _md.GetStandaloneSignature(body.LocalSignature);
                Report(where, "local variable", _names.DecodeLocals(locals.Signature));
            }

            foreach (ExceptionRegion region in body.ExceptionRegions)
            {
                if (!region.CatchType.IsNil) CheckTypeHandle(region.CatchType, $"{where}: catch clause");
            }

            BlobReader il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                ILOpCode op = ReadOpCode(ref il);
                switch (OperandKind(op))
                {
                    case Operand.Token:
                        CheckToken(where, op, MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case Operand.Switch:
                        int n = il.ReadInt32();
                        il.Offset += 4 * n;
                        break;
                    case Operand.Size1:
                        il.Offset += 1;
                        break;
                    case Operand.Size2:
                        il.Offset += 2;
                        break;
                    case Operand.Size4:
                        il.Offset += 4;
                        break;
                    case Operand.Size8:
                        il.Offset += 8;
                        break;
                }
            }
        }

        private void CheckToken(string where, ILOpCode op, EntityHandle token)
        {
            string opName = op.ToString().ToLowerInvariant().Replace('_', '.');
            switch (token.Kind)
            {
                case HandleKind.TypeSpecification:
                    CheckTypeSpec((TypeSpecificationHandle)token, $"{where}: {opName}");
                    break;
                case HandleKind.MethodSpecification:
                    CheckMethodSpec((MethodSpecificationHandle)token, $"{where}: {opName}");
                    break;
                case HandleKind.MemberReference:
                    MemberReference mr = _md.GetMemberReference((MemberReferenceHandle)token);
                    string member = _names.MemberRefName((MemberReferenceHandle)token);
                    if (mr.Parent.Kind == HandleKind.TypeSpecification)
                        CheckTypeSpec((TypeSpecificationHandle)mr.Parent, $"{where}: {opName} {member}");
                    Report(where, $"{opName} {member}",
                        mr.GetKind() == MemberReferenceKind.Field ? _names.DecodeField(mr.Signature) : _names.DecodeMethod(mr.Signature));
                    break;
                case HandleKind.StandaloneSignature:
                    Report(where, opName, _names.DecodeMethod(_md.GetStandaloneSignature((StandaloneSignatureHandle)token).Signature));
                    break;
            }
        }

        private void CheckTypeHandle(EntityHandle handle, string where)
        {
            if (handle.Kind == HandleKind.TypeSpecification) CheckTypeSpec((TypeSpecificationHandle)handle, where);
        }

        private void CheckTypeSpec(TypeSpecificationHandle h, string where)
        {
            _reportedSpecs.Add(h);
            Report(where, "type", _names.DecodeTypeSpec(h));
        }

        private void CheckMethodSpec(MethodSpecificationHandle h, string where)
        {
            _reportedSpecs.Add(h);
            MethodSpecification spec = _md.GetMethodSpecification(h);
            string method = spec.Method.Kind switch
            {
                HandleKind.MethodDefinition => _names.MethodName((MethodDefinitionHandle)spec.Method),
                HandleKind.MemberReference => _names.MemberRefName((MemberReferenceHandle)spec.Method),
                _ => spec.Method.Kind.ToString(),
            };
            Add($"generic method instantiation: {where}: {method}{_names.DecodeMethodSpec(h).Item1}");
        }

        private void Report(string where, string what, (string Text, List<string> Problems) decoded)
        {
            if (decoded.Problems.Count == 0) return;
            Add($"{string.Join(", ", decoded.Problems.Distinct(StringComparer.Ordinal))}: {where}: {what} {decoded.Text}");
        }

        private enum Operand { None, Size1, Size2, Size4, Size8, Token, Switch }

        private static ILOpCode ReadOpCode(ref BlobReader il)
        {
            byte b = il.ReadByte();
            return b == 0xFE ? (ILOpCode)(0xFE00 | il.ReadByte()) : (ILOpCode)b;
        }

        private static Operand OperandKind(ILOpCode op) => op switch
        {
            ILOpCode.Ldarg_s or ILOpCode.Ldarga_s or ILOpCode.Starg_s or ILOpCode.Ldloc_s or ILOpCode.Ldloca_s or ILOpCode.Stloc_s
                or ILOpCode.Ldc_i4_s or ILOpCode.Unaligned
                or ILOpCode.Br_s or ILOpCode.Brfalse_s or ILOpCode.Brtrue_s or ILOpCode.Beq_s or ILOpCode.Bge_s or ILOpCode.Bgt_s
                or ILOpCode.Ble_s or ILOpCode.Blt_s or ILOpCode.Bne_un_s or ILOpCode.Bge_un_s or ILOpCode.Bgt_un_s or ILOpCode.Ble_un_s
                or ILOpCode.Blt_un_s or ILOpCode.Leave_s => Operand.Size1,
            ILOpCode.Ldarg or ILOpCode.Ldarga or ILOpCode.Starg or ILOpCode.Ldloc or ILOpCode.Ldloca or ILOpCode.Stloc => Operand.Size2,
            ILOpCode.Ldc_i4 or ILOpCode.Ldc_r4
                or ILOpCode.Br or ILOpCode.Brfalse or ILOpCode.Brtrue or ILOpCode.Beq or ILOpCode.Bge or ILOpCode.Bgt
                or ILOpCode.Ble or ILOpCode.Blt or ILOpCode.Bne_un or ILOpCode.Bge_un or ILOpCode.Bgt_un or ILOpCode.Ble_un
                or ILOpCode.Blt_un or ILOpCode.Leave or ILOpCode.Ldstr => Operand.Size4,
            ILOpCode.Ldc_i8 or ILOpCode.Ldc_r8 => Operand.Size8,
            ILOpCode.Switch => Operand.Switch,
            ILOpCode.Call or ILOpCode.Callvirt or ILOpCode.Newobj or ILOpCode.Ldftn or ILOpCode.Ldvirtftn or ILOpCode.Jmp or ILOpCode.Calli
                or ILOpCode.Ldfld or ILOpCode.Ldflda or ILOpCode.Stfld or ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld
                or ILOpCode.Ldtoken or ILOpCode.Box or ILOpCode.Unbox or ILOpCode.Unbox_any or ILOpCode.Castclass or ILOpCode.Isinst
                or ILOpCode.Newarr or ILOpCode.Ldelema or ILOpCode.Ldelem or ILOpCode.Stelem or ILOpCode.Ldobj or ILOpCode.Stobj
                or ILOpCode.Cpobj or ILOpCode.Initobj or ILOpCode.Sizeof or ILOpCode.Mkrefany or ILOpCode.Refanyval
                or ILOpCode.Constrained => Operand.Token,
            _ => Operand.None,
        };
    }

    /// <summary>
    /// Turns signatures into readable names and records every construct the nano runtime cannot execute.
    /// Several decoder callbacks get no context argument, so each Decode* call collects into a fresh list
    /// held in a field (the scanner is single-threaded).
    /// </summary>
    internal sealed class SignatureNames : ISignatureTypeProvider<string, object?>
    {
        private readonly MetadataReader _md;
        private List<string> _problems = new();

        public SignatureNames(MetadataReader md) => _md = md;

        private SignatureDecoder<string, object?> Decoder() => new(this, _md, genericContext: null);

        private (string, List<string>) Decode(Func<string> decode)
        {
            List<string> outer = _problems;
            _problems = new List<string>();
            try
            {
                string text = decode();
                return (text, _problems);
            }
            finally
            {
                _problems = outer;
            }
        }

        public (string, List<string>) DecodeField(BlobHandle sig) => Decode(() =>
        {
            BlobReader reader = _md.GetBlobReader(sig);
            return Decoder().DecodeFieldSignature(ref reader);
        });

        public (string, List<string>) DecodeMethod(BlobHandle sig) => Decode(() =>
        {
            BlobReader reader = _md.GetBlobReader(sig);
            MethodSignature<string> m = Decoder().DecodeMethodSignature(ref reader);
            return $"{m.ReturnType}({string.Join(",", m.ParameterTypes)})";
        });

        // A property signature has the method-signature shape (header 0x08 instead of a calling convention).
        public (string, List<string>) DecodeProperty(BlobHandle sig) => DecodeMethod(sig);

        public (string, List<string>) DecodeLocals(BlobHandle sig) => Decode(() =>
        {
            BlobReader reader = _md.GetBlobReader(sig);
            return "[" + string.Join(",", Decoder().DecodeLocalSignature(ref reader)) + "]";
        });

        public (string, List<string>) DecodeTypeSpec(TypeSpecificationHandle h) =>
            Decode(() => _md.GetTypeSpecification(h).DecodeSignature(this, null));

        public (string, List<string>) DecodeMethodSpec(MethodSpecificationHandle h) =>
            Decode(() => "<" + string.Join(",", _md.GetMethodSpecification(h).DecodeSignature(this, null)) + ">");

        public string TypeName(TypeDefinitionHandle h)
        {
            TypeDefinition t = _md.GetTypeDefinition(h);
            string name = _md.GetString(t.Name);
            if (!t.GetDeclaringType().IsNil) return TypeName(t.GetDeclaringType()) + "+" + name;
            string ns = _md.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string MethodName(MethodDefinitionHandle h)
        {
            MethodDefinition m = _md.GetMethodDefinition(h);
            return TypeName(m.GetDeclaringType()) + "::" + _md.GetString(m.Name);
        }

        public string MemberRefName(MemberReferenceHandle h)
        {
            MemberReference mr = _md.GetMemberReference(h);
            string parent = mr.Parent.Kind switch
            {
                HandleKind.TypeReference => GetTypeFromReference(_md, (TypeReferenceHandle)mr.Parent, 0),
                HandleKind.TypeDefinition => TypeName((TypeDefinitionHandle)mr.Parent),
                HandleKind.MethodDefinition => MethodName((MethodDefinitionHandle)mr.Parent),
                HandleKind.TypeSpecification => DecodeTypeSpec((TypeSpecificationHandle)mr.Parent).Item1,
                _ => mr.Parent.Kind.ToString(),
            };
            return parent + "::" + _md.GetString(mr.Name);
        }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString().ToLowerInvariant();

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            TypeReference r = reader.GetTypeReference(handle);
            string name = reader.GetString(r.Name);
            if (r.ResolutionScope.Kind == HandleKind.TypeReference)
                return GetTypeFromReference(reader, (TypeReferenceHandle)r.ResolutionScope, rawTypeKind) + "+" + name;
            string ns = reader.GetString(r.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape)
        {
            string text = elementType + "[" + new string(',', Math.Max(0, shape.Rank - 1)) + "]";
            _problems.Add("multi-dimensional array " + text);
            return text;
        }

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            string text = genericType + "<" + string.Join(",", typeArguments) + ">";
            _problems.Add("generic instantiation " + text);
            return text;
        }

        public string GetGenericTypeParameter(object? genericContext, int index)
        {
            _problems.Add("generic type parameter !" + index);
            return "!" + index;
        }

        public string GetGenericMethodParameter(object? genericContext, int index)
        {
            _problems.Add("generic method parameter !!" + index);
            return "!!" + index;
        }

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType + " pinned";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
            unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";

        public string GetFunctionPointerType(MethodSignature<string> signature)
        {
            string text = "method " + signature.ReturnType + "*(" + string.Join(",", signature.ParameterTypes) + ")";
            _problems.Add("function pointer " + text);
            return text;
        }
    }
}
