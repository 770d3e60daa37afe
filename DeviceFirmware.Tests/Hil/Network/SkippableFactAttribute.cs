using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DeviceFirmware.Tests.Hil.Network
{
    /// <summary>
    /// A fact that may skip itself at run time by throwing <see cref="SkipTestException"/> (xunit 2 only skips
    /// statically): the runner then reports it as Skipped with the reason, so a machine without namespaces or qemu
    /// shows "Skipped" in the summary instead of a silent pass.
    /// </summary>
    [XunitTestCaseDiscoverer("DeviceFirmware.Tests.Hil.Network.SkippableFactDiscoverer", "DeviceFirmware.Tests")]
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SkippableFactAttribute : FactAttribute
    {
    }

    /// <summary>Thrown by a <see cref="SkippableFactAttribute"/> test that cannot run here; the message is the reason.</summary>
    public sealed class SkipTestException : Exception
    {
        public SkipTestException()
        {
        }

        public SkipTestException(string reason)
            : base(reason)
        {
        }

        public SkipTestException(string reason, Exception inner)
            : base(reason, inner)
        {
        }

        /// <summary>Writes "SKIPPED: reason" to the test output and the console, then throws.</summary>
        public static SkipTestException Because(ITestOutputHelper output, string test, string reason)
        {
            output.WriteLine("SKIPPED: " + reason);
            Console.WriteLine($"SKIPPED {test}: {reason}");
            return new SkipTestException(reason);
        }
    }

    /// <summary>Finds <see cref="SkippableFactAttribute"/> tests.</summary>
    public sealed class SkippableFactDiscoverer : IXunitTestCaseDiscoverer
    {
        private readonly IMessageSink diagnostics;

        public SkippableFactDiscoverer(IMessageSink diagnosticMessageSink) => diagnostics = diagnosticMessageSink;

        public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
        {
            yield return new SkippableTestCase(diagnostics, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
        }
    }

    /// <summary>A test case whose <see cref="SkipTestException"/> failure is reported as a skip.</summary>
    public sealed class SkippableTestCase : XunitTestCase
    {
        [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
        public SkippableTestCase()
        {
        }

        public SkippableTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
            : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
        {
        }

        public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        {
            var bus = new SkippingMessageBus(messageBus);
            RunSummary summary = await base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource);
            summary.Failed -= bus.Skipped;
            summary.Skipped += bus.Skipped;
            return summary;
        }

        private sealed class SkippingMessageBus : IMessageBus
        {
            private static readonly string SkipType = typeof(SkipTestException).FullName!;
            private readonly IMessageBus inner;

            public SkippingMessageBus(IMessageBus inner) => this.inner = inner;

            public int Skipped { get; private set; }

            public bool QueueMessage(IMessageSinkMessage message)
            {
                if (message is ITestFailed failed && failed.ExceptionTypes.Length > 0 && failed.ExceptionTypes[0] == SkipType)
                {
                    Skipped++;
                    return inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages[0]));
                }

                return inner.QueueMessage(message);
            }

            public void Dispose()
            {
                // The inner bus belongs to the runner.
            }
        }
    }
}
