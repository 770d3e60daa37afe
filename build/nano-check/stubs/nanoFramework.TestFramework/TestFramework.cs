// Stand-in: package nanoFramework.TestFramework 3.0.77 (assembly nanoFramework.TestFramework), signatures only.
// Read at tag v3.0.77 of github.com/nanoframework/nanoFramework.TestFramework (commit 18e4b3d4b0c6b647bc3c2a8a0d11a53c059145a7):
//   source/TestFramework/Assert.cs: IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
//   (the attribute is left out: it does not change the call signature);
//   source/TestFrameworkShared/TestClassAttribute.cs and TestMethodAttribute.cs (whole types).
namespace nanoFramework.TestFramework
{
    using System;

    public sealed partial class Assert
    {
        private Assert() => throw null;

        public static void IsTrue(bool condition, string message = "") => throw null;
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute) => throw null;
    }
}
