using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NanoCheck.IlScan
{
    /// <summary>
    /// Walks every type, signature and method body of one assembly and collects what the nano runtime cannot run
    /// (the rules are listed on <see cref="Program"/>). Signatures are decoded by <see cref="SignatureNames"/>, IL operands
    /// are skipped by <see cref="IlOperands"/>.
    /// </summary>
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
                ILOpCode op = IlOperands.ReadOpCode(ref il);
                switch (IlOperands.OperandKind(op))
                {
                    case IlOperands.Operand.Token:
                        CheckToken(where, op, MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case IlOperands.Operand.Switch:
                        int n = il.ReadInt32();
                        il.Offset += 4 * n;
                        break;
                    case IlOperands.Operand.Size1:
                        il.Offset += 1;
                        break;
                    case IlOperands.Operand.Size2:
                        il.Offset += 2;
                        break;
                    case IlOperands.Operand.Size4:
                        il.Offset += 4;
                        break;
                    case IlOperands.Operand.Size8:
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
    }
}
