package com.example;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitFunction;
import dev.witbind.annotations.WitInterface;

/** Every scalar type in both directions, a list<u8> result, and parameters that travel through memory. */
@WitInterface("example:scalars/echo@1.4.0")
public class ScalarHost {
    public boolean not(boolean value) {
        return !value;
    }

    public byte echoS8(byte value) {
        return value;
    }

    @Unsigned
    public byte echoU8(@Unsigned byte value) {
        return value;
    }

    public short echoS16(short value) {
        return value;
    }

    @Unsigned
    public short echoU16(@Unsigned short value) {
        return value;
    }

    public int echoS32(int value) {
        return value;
    }

    @Unsigned
    public int echoU32(@Unsigned int value) {
        return value;
    }

    public long echoS64(long value) {
        return value;
    }

    @Unsigned
    public long echoU64(@Unsigned long value) {
        return value;
    }

    public float echoF32(float value) {
        return value;
    }

    public double echoF64(double value) {
        return value;
    }

    @WitChar
    public int nextChar(@WitChar int value) {
        return value + 1;
    }

    public byte[] reverse(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return reversed;
    }

    @WitFunction("get-HTTP-status")
    public int httpStatus() {
        return 200;
    }

    /** 18 flat values, more than MAX_FLAT_PARAMS: the guest passes a pointer to all of them. */
    public String describeAll(boolean flag, byte s8, @Unsigned byte u8, short s16, @Unsigned short u16, int s32,
            @Unsigned int u32, long s64, @Unsigned long u64, float f32, double f64, @WitChar int letter, String text,
            byte[] bytes, String label) {
        return label + ": " + flag + " " + s8 + " " + u8 + " " + s16 + " " + u16 + " " + s32 + " " + u32 + " " + s64
                + " " + u64 + " " + f32 + " " + f64 + " " + Character.toString(letter) + " " + text + " "
                + bytes.length;
    }
}
