using System.Linq;
using CsCheck;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Products
{
    /// <summary>Product layout over random valid products: every one is accepted with the layout it was generated for.</summary>
    public class ProductPropertyTests
    {
        private const int Iterations = 2000;

        [Fact]
        public void Random_valid_products_are_accepted_with_the_expected_layout()
        {
            RandomProducts.Products.Sample(b =>
            {
                Product p = b.Product;
                Assert.Equal(b.FullStatus, p.FullStatusSize);
                for (int s = 0; s < 4; s++)
                {
                    Assert.Equal(b.SectionStart[s], p.SectionStart((DataPointType)s));
                    Assert.Equal(b.SectionSize[s], p.SectionSize((DataPointType)s));
                    Assert.Equal(b.BitArea[s], p.BitAreaSize((DataPointType)s));
                }

                int w = p.Points.Count(x => x.Type == DataPointType.Writable);
                Assert.Equal(w, p.WritableCount);
                Assert.Equal((w + 7) / 8, p.AttrFlagsSize);
                Assert.Equal((p.Points.Length + 7) / 8, p.VariableFlagsSize);
                for (int i = 0; i < p.Points.Length; i++) Assert.Equal(i, p.Points[i].Id);
            }, iter: Iterations);
        }
    }
}
