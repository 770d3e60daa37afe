using Xunit;

// The package doubles (Fakes/) keep static state like the real packages do (one board, one broker): one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
