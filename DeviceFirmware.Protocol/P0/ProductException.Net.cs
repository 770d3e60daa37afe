#nullable enable
using System;

namespace DeviceFirmware.Protocol.P0
{
    /// <summary>A product definition that cannot work; the message names the data point and the problem.</summary>
    public sealed class ProductException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ProductException() { }

        /// <summary>Creates the exception with a message.</summary>
        public ProductException(string message) : base(message) { }

        /// <summary>Creates the exception with a message and cause.</summary>
        public ProductException(string message, Exception inner) : base(message, inner) { }
    }
}
