// Stand-in: package nanoFramework.TestFramework 3.0.77 (assembly nanoFramework.TestFramework), signatures only.
// Copied from github.com/nanoframework/nanoFramework.TestFramework:
//   source/TestFramework/Assert.cs @ b52c51881e8b54b4e31029ba9acef6f662bb05df: IsTrue(bool, string message = "")
//   (its [CallerArgumentExpression] attribute on `message` is left out: it does not change the call signature);
//   source/TestFramework/TestMethodAttribute.cs @ bcb4be286189788d7e0a70e12918fecd1af57a04;
//   TestClassAttribute: same shape as TestMethodAttribute, for classes (its file is not in the searched index).
namespace nanoFramework.TestFramework
{
    using System;

    public sealed partial class Assert
    {
        private Assert() { }

        public static void IsTrue(bool condition, string message = "") => throw null;
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }
}
