using System;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Protocol.Frames;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Dispatch
{
    public class RepeatWindowTests
    {
        private static readonly byte[] Body = { 0x01, 0x01, 0x00, 0x01 };
        private static readonly byte[] Reply = { 0, 0, 0, 3, 4, 0, 0, 0x94, 9 };

        private static RepeatWindow Remembering(int capacity = 4, int windowMs = 30000)
        {
            var window = new RepeatWindow(capacity, 16, windowMs);
            Assert.True(window.Remember("usrA", 1, Body, 0, Body.Length, 1000, Reply, 0, Reply.Length));
            return window;
        }

        [Fact]
        public void The_same_app_sn_and_body_within_the_window_is_found_with_its_stored_answer()
        {
            RepeatWindow window = Remembering();
            int entry = window.Find("usrA", 1, (byte[])Body.Clone(), 0, Body.Length, 1000 + 30000);
            Assert.True(entry >= 0);
            Assert.Equal(Reply, window.Reply(entry).AsSpan(0, window.ReplyLength(entry)).ToArray());
        }

        [Fact]
        public void Another_body_another_app_another_sn_or_a_later_time_is_not_a_repeat()
        {
            RepeatWindow window = Remembering();
            Assert.Equal(-1, window.Find("usrA", 1, new byte[] { 0x01, 0x01, 0x00, 0x00 }, 0, 4, 1000));  // another body, same length
            Assert.Equal(-1, window.Find("usrA", 1, Body, 0, 3, 1000));                                   // a shorter body
            Assert.Equal(-1, window.Find("usrB", 1, Body, 0, Body.Length, 1000));
            Assert.Equal(-1, window.Find("usrA", 2, Body, 0, Body.Length, 1000));
            Assert.Equal(-1, window.Find("usrA", 1, Body, 0, Body.Length, 1000 + 30001));
        }

        [Fact]
        public void The_body_is_compared_where_it_lies_in_the_callers_buffer()
        {
            RepeatWindow window = Remembering();
            byte[] frame = new byte[20];
            Body.CopyTo(frame, 11);
            Assert.True(window.Find("usrA", 1, frame, 11, Body.Length, 1000) >= 0);
        }

        [Fact]
        public void The_oldest_entry_makes_room_when_the_window_is_full()
        {
            var window = new RepeatWindow(2, 16, 30000);
            for (uint sn = 1; sn <= 3; sn++) window.Remember("usrA", sn, Body, 0, Body.Length, 0, Reply, 0, Reply.Length);
            Assert.Equal(-1, window.Find("usrA", 1, Body, 0, Body.Length, 0));
            Assert.True(window.Find("usrA", 2, Body, 0, Body.Length, 0) >= 0);
            Assert.True(window.Find("usrA", 3, Body, 0, Body.Length, 0) >= 0);
        }

        [Fact]
        public void An_empty_or_oversized_answer_is_not_remembered()
        {
            var window = new RepeatWindow(2, 4, 30000);
            Assert.False(window.Remember("usrA", 1, Body, 0, Body.Length, 0, Reply, 0, 0));
            Assert.False(window.Remember("usrA", 1, Body, 0, Body.Length, 0, Reply, 0, Reply.Length));
            Assert.Equal(-1, window.Find("usrA", 1, Body, 0, Body.Length, 0));
        }

        [Fact]
        public void A_window_of_no_entries_remembers_nothing_and_clear_forgets_everything()
        {
            var none = new RepeatWindow(0, 16, 30000);
            Assert.False(none.Remember("usrA", 1, Body, 0, Body.Length, 0, Reply, 0, Reply.Length));
            Assert.Equal(0, none.BufferSize);

            RepeatWindow window = Remembering();
            window.Clear();
            Assert.Equal(-1, window.Find("usrA", 1, Body, 0, Body.Length, 1000));
        }

        [Fact]
        public void Defaults_are_30_seconds_and_the_buffers_are_preallocated()
        {
            var window = new RepeatWindow(16, 80);
            Assert.Equal(RepeatWindow.DefaultWindowMs, window.WindowMs);
            Assert.Equal(30000, RepeatWindow.DefaultWindowMs);
            Assert.Equal(16 * 80, window.BufferSize);
            Assert.Equal(16, window.Capacity);
        }

        [Fact]
        public void Finding_and_remembering_allocate_nothing()
        {
            var window = new RepeatWindow(16, 16, 30000);
            uint sn = 0;
            long allocated = DeviceFirmware.Tests.Support.Allocations.Of(() =>
            {
                sn++;
                window.Find("usrA", sn, Body, 0, Body.Length, sn);
                window.Remember("usrA", sn, Body, 0, Body.Length, sn, Reply, 0, Reply.Length);
            });
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void Error_names_match_the_enums()
        {
            foreach (FrameError error in Enum.GetValues<FrameError>()) Assert.Equal(error.ToString(), ErrorNames.Of(error));
            foreach (DeviceFirmware.Protocol.P0.P0Error error in Enum.GetValues<DeviceFirmware.Protocol.P0.P0Error>()) Assert.Equal(error.ToString(), ErrorNames.Of(error));
        }
    }
}
