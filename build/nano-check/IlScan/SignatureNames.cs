using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace NanoCheck.IlScan
{
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
