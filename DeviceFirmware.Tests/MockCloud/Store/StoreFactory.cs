using System;
using System.IO;
using DeviceFirmware.MockCloud.Store;

namespace DeviceFirmware.Tests.MockCloud.Store
{
    /// <summary>Stores for tests: cheap password hashing, a fake clock, one known application and product.</summary>
    internal static class StoreFactory
    {
        public const string AppId = "test-app-id";
        public const string ProductKey = "pk0123456789abcdef";

        public static CloudStoreOptions Options(ManualTimeProvider clock) =>
            new CloudStoreOptions { PasswordIterations = 8, TimeProvider = clock };

        public static CloudStore Open(ManualTimeProvider clock, string dataSource = CloudStore.InMemory)
        {
            var store = new CloudStore(dataSource, Options(clock));
            store.AddApplication(AppId);
            store.AddProduct(ProductKey, "Test product");
            return store;
        }
    }

    /// <summary>A database file in a fresh temporary folder, deleted with the folder on dispose.</summary>
    internal sealed class TempDatabase : IDisposable
    {
        private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gservice-tests-" + Guid.NewGuid().ToString("N"));

        public TempDatabase()
        {
            Directory.CreateDirectory(folder);
            Path = System.IO.Path.Combine(folder, "cloud.db");
        }

        public string Path { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(folder, true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not a test failure.
            }
        }
    }
}
