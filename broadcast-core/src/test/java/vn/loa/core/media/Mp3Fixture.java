package vn.loa.core.media;

import java.util.Base64;

/**
 * A one-second 1 kHz sine at half full scale, 22,050 Hz mono, MP3 at 32 kb/s: made for this test with LAME 3.100
 * ({@code lame -m m -b 32}) from a sine this project generated.
 */
final class Mp3Fixture {

    private Mp3Fixture() {
    }

    static byte[] oneKilohertzSecond() {
        return Base64.getMimeDecoder().decode(ENCODED);
    }

    private static final String ENCODED = """
            //NAxAAUaIqwH094AFJJLcH79+/fv73vSjx48eRKUu/V6vf2YC+CaAZwkYuZls7+4PjAQBB2D5/nKPP8p5/lPP9Hv6OCAPh+JwIC
            DoYB8/gQMcP9Hg+D4Pg+BAQBAMLCDAZfCAQCAUD/80LECRaBywGfjWkCwAAHcMN44iR8LqBNfMiSDNWDTTAcgAZDmHsLRoTFKO0Y
            UYUy/xhhLiRHqPX/zIvEkYl0upf/5eLyKKKkkl///l0upA0JQkDQl//hIGhKEg6V/3+NUG1ROpODngH/80DECxcYoiQB1/AAAAuB
            gPQHmBgfwD2BgAoEwBhGYj0Bi7Yv4Bkmb40B5z5/uY27/5qCk6GLyP4ZD4sxhJgjGBaBCYMwJ4KApEICw0AaypXVvb////9X/0//
            +n/9Nf/8sC1hxAlYXv/zQsQJE/CiKACn/MBAZcCBsjAHZZmBJALBggIEuYQoCKGO3i/J9fIhwaNDSpg8lJGDEH+YFoPhgKAhmAOB
            ECAD0ETP4W8si57/9n///////0//oYzAACyRGNba08I4apGboyGJMmkbHP/zQMQVFoCiLjQWvoR75gOwFAYGWCRmDIBVhijrkucw
            WUnGHoBq5imgKcYGmA3mAqAFBgEIAWBgBQt+mAsdy4ct8xtn+396/6df/0f/+jq/9Gr/b6AuMNAAYBwAIaAeQQMKG4DGqvMB//NC
            xBYYQKIcAK/8wGgR4wI8IRMDaFJjBA+68yJpOsM1g9Y76BXzJVCcMRgFUwmQMDBYAXMDMAIWAxEgB1V2ZQzpd930LnP3q6P1/V9O
            M/uvbo6v8Berjv9fC+ycpbIySjQVN2I8vTAX//NAxBEWWKIgAA5+hEB0MC0A/zBswvQxxCdtPxsLhDCxyAAyH4MZMHXBQjA4gKkw
            H0BgMBIANzAJwBowA4ADVidFiT82t1/1uv/+no/1f/v+/p//RSr/b50WgOLEiC7gBlgGzJgdZUb/80LEEhPAoigAp/zABHgJpgfg
            D8YQeBpmO1A2B9jQZ+aKbVxiiFOmD+IEYHQP5gOgiGAUBGBQDi+rPIQ80h7/////q/+j////6f+u0hL9eiCMxx418E624wI8C3MD
            yBRjB3QvUxhh8gP/80DEHxMgoigABr5otnC10xHMQqMWfBpTA3gJAwFkA9MAiAFjACwAUswg+oI1yH7Hf/7P////+//+iv/9Mggn
            8N9AgFAocAwrcDMXjAMwKMwFgEyMCZDCzBKI3gwm4u9MisdU3AQmjP/zQsQtE4CeLACn/MBUgQTCZAeMEwAsBAnBwEJEAMvR0I7W
            /////7ft/////+3/f6iZFnBq0LCQBRAYmgbfGARAIZgKYE0YHADqmH0sRhxF46GYsSSZqajeGIoFeYP4KxggAWmBCAoYBv/zQMQ7
            E4CiMACf/MAAGXyeWJP7Luf/////////0//p/7jxrIYSmaGHzTBjjmzAdgDIwNUBVMHEAdDGdw4w89cHgMOwF6zBrQkwwIQDjMA9
            AbjAHADkwAsAcAgAWhObLB7yz3P///////NCxEgTaKIsAAa+aP//////Rf+o4amDT00DFlzTMjl2zAfAJgwNcETMGqCejFjWfM6e
            MmUMPyD7TEmgYowK0CJMBAAODAFQBUwAAAELvpiLvcuKW+f////6v/p//9H/6f/B/16JdCEQ//NAxFYTgKIsAAa+aBdKY6IafmYC
            QBgGA8gs5gagb8YPbQomR6muRhXQM0Y/YA/mC/gHBgVwA2YCyAFAIBdDgC4mADU12lwVV7//Z/////3f9///jP9vrJoVqGKgBQAA
            gkDBlgMYvMD/80LEYxQAoigABr5oIwFowFQDFMDrCOjELHTE5NojEMVNQw2Jh6zFHDEMJYGMwTwNDAqAZMBMAYIAFb6CX+luX///
            /+v////0qv9vnRnA64fkBYEA0oA14cDoGDAiQDEwPABIMH/AMTH/80DEbxPIoiwAp/zA1Ae/PrQA0TQZbOMoIqcwtRCDBUCFMCsE
            YwFAJzADAQCwALYoS60V7///////p////+n/m2AIJ1cFzzMIjeyT1ejArQMcwSQFeMJBDHTHeH8Q+IwvrMU5FeDFk//zQsR6FECi
            KACn/MAIrMDMAyDATQFswBoAqMAFAEwQACF10hGIOvOd3f+z+v/1fX///6Ov/R/rkUAAJaFMzNdn44w09fqDIgLGHXmcpGAcgSJg
            MQIgYFuFWmDuPchlUxS2YSCBjmMCgP/zQMSFFQCiJAAGvmhYYI0AKmA+gAwGAdQwA6GgBVNlgj6SWtYmj/X+j/nNn/3bf9H//29T
            Mw22rMQAPvp80fu+VK/y7S/oVAAgoAHgUAiMAKARzALwJwwJgHLMLzXVjaqxxUwxDtzT//NCxIwW8J4yNA6+hHRZDD6CLMHEEIwN
            gHzAbAMAQCKGz2x6M03Nl/0bKvp6f/1/Tr//p//f/Rqq/3+cGuHcD2QJAQRKwArAHPHmBBAEBgdYBSYPoAPmOclcB9M4IGZ+zapm
            FlVGGUIW//NAxIwW0KI2NA/8iGC+EIYGQJJgMgTGAMAiFQAG6wp1Ytz/////X////6P/ytP/mGRoJFjl1DMoTfRD29TArgMAwSkF
            RMJMC9DHsXbU+ostSMVEFyzFGgkowLEDXMA+AYjAEQC8AAD/80LEixR4oigAp/zAsFQAcvYl+y95J/i77v/////+jGf3fR1f6aH/
            qOWmokEKhgBLzHFQz+LMBqA5DAsQaMwT4P+MNdtSTUtT1Iw6ABqEkaEwaUAOMC+ACTAYwAAIAaRoA2JgBBHNgcH/80DElRSwoiQA
            Br5oEzrG/0bP6/6NX1f6u77+n/8p/qX/b8nhKIXBAAhgBCoAqgDARzAEwIAwD4EFMDPC0jEBo6k5LIr8MNNUo3aiAzGHDQMLYGsw
            YQOjA2AdMBsAgHAGsefFypb3///zQsSdFWCiJAAG/mjt///V/9P////9Kv9vnRqB5Q6IBoEDkgClcDlBDAfwA8wOIAEMHpAejHHD
            bU+c4JOM9FtgziiqzDjEMMGoIcwOQSDAcAnMAkBAGAAtygV1or3dd//////0f/+j///zQMSjFFiiKACn/MDLVf6fhNkCGa7C75mj
            hwYZ7OBgWIFyYJYChGErhZZj8DcEfisVYmKmjCxiToTOYEgByGAWgNZgAwBoFQBkRABBfdLxljzznf////9f/+v//6/9FCqR0AA4
            21Lm//NCxKwUiKIoAKf8wGXKfjjDjt6oqICjDfNbowC8BrMBWAzDAqwgcwfhdOM0cH6TB9QDwxHcAXKAY0aAphoBFHgBpFlb7iQx
            NsX3/Vt/d/o/1/Tv//p//T/r/3/IiI+BuaBgBYAp4Axu//NAxLUUSKIkAC6+hAE3DACAKEwDME+MDGDXTEI6cg5ns0DMHZb84pyL
            jHGDlMNcHYwdAQzBDAiMCIA0HANKMNkazD1n3fRs/r/9X///7v9/nBriJByIDAEFkwFqAB48HAeAGBsjB2j/80LEvhUAmjo8Dn6E
            DHMb7QUD5Bw2Ezpm1TQDKoMPYQ0wdQhjA8BJMB8CYwCgESzzgxZ1Yte3/////V////6P/10V/r+EGRoYLDoADOmzgPj36zAsgK4w
            S8ExMJcCnDIC2Sk/e8oCMVP/80DExhRAoiQAp/zAhl0xBYKCMBvA8TAGgHIEgHIoAODIAWggTnZe8lHz//////V9O7//6v9KtwAJ
            0CaW1p4Ry1cKuHQxgUpnIxve5gNAGMYFmC1mCmBuhh6M1ibOWaiGHGAkZjtwDv/zQsTQE5iiKACn/MDGCrgA5ECYDwEsRAJJQARj
            wAInWyuIXbV0ft/0/9u3/rsoZ/p9//7vZ9uiQMUK1r9rdiSE4hcEAKGAWMgVYAlTEIEkYAkCRmBBhhRhl0sqb1QXnGAkl8b3A5Jj
            Hv/zQMTdE+iiJAAuvoQXRhdAvmDGBkYGwDJgNgDBgCK43rdqM5Lst/21e9PVrL/6vo/91///po/U/2+YjcDqhfIAoUBJaFLwLnBY
            EKMDwALTCDwTIx8pVdP/cE9jD+R8IxRIMFMEzBND//NCxOgWuJ4pjBa+hAJICdMBRAWDAKgDE54MA2VPy06K2t39Gz//9X////o/
            /VX+n4TZAhPXIguZwscF2e7IYFmBSmCYAjxhMYTWZBctTH+oEpJip404YcKFNmAkAfhgA4DyMAHxYAHy//NAxOkXOKIpcqf8wKAB
            g6AApyNMe+TdV3f/+r+jV/////r/ytL+n4DrCFvyYFIBcxJEM/dzcL4wLUEzMEmCJDCIRRsxkbgiOsyTbzFjwooysEENMH0APjA5
            QAUWA7CICDGgEQOAIwf/80LE5xRYoiQAp/DEAACcjpzG939W6v3L6PpXtxv0Y/v77unr/zdF/3+48hhYAoEgYGDIBo2BoWwIJALg
            eYFBzDAkBLExA/iyOhrSATDradO58oAyXhDzEjCQMKAFMwXwLjA2AVAwGxH/80DE8RS4oiQALr6EAAMIYC/2K4Wv+h9n7vT069q6
            2/1/93R/+a/oXWr/f5kNUNSC10AYSAouAaqgMljAfgAswOUBQMH6BdzHl1/I/pEX5MPCHsTFiwv4wUgEzMCdAnDAVAFcwC8AwP/z
            QsT5FyiiHAAu/oTtcxiYa/zTYtz3fTt/////T/7vo//XTUxBTUUzLjEwMFVVVf+YbmmgyNKwy482io7s8wJgCEMEHA5zCGAe4x0V
            GJPihHdDEoBf8wooJaMAXA4xwBsFADcZAGiAAP/zQMT4F1iiHACv/MCUnGBuu+VHz/////V/9H//p//UggFZE60bgIsOWsKAYlFD
            F0M0J2N3vTAvATAwTcIhMJCFBjG09uc7+9MmMXIDRTKcAVYwd8BhMDYAGAMBvhwDwHAIYYAOA4AD//NCxPUVKKIkAKfwxFM3Am8F
            X3/Xv/er+vVt1f4zu772aert8xRt0KoowpKSkuw25b9xBicDxCHJKhmWjbYwAYAcMA9ALTAHwB8wAMA+MCUAoDAgAIYwBYHFMQFF
            iTHOYLU0hgu+Nd8e//NAxPAS+KIoAAa+aNNY4bwyPiXDF8BsaYYFoLoQD2yRmgAAAToglnbj0zWHEkqpF0UUrl9yGIcoWcO5er27
            koll1/IcvZ56pLG4xLOb7rDDdJYdlAx+fLvcXeH6w+Iz8TvB9UHxGfb/80LE/xlAoh1CLv6ECcLA/ky+uH+l/fVgUCAAAYYjEYio
            NgAFnC1n1v8HMGttGv/zecNgStDX/BCwhmZ0sBLu//ByLlxd9otS//rNRPUvaBllvX//ma+cZYHAEI4CftfrLv//+awC+S3/80DE
            9ikZTjABX/AA+AmGaq7Awmssvyy/////16RsvAnReS8TAgRkGsv/L/1//////7kRSgciKUz+Q5RwxFJHKC1n/gmID4DeHy59Z0Sn
            QVWdEqpMQU1FMy4xMDCqqqqqqqqqqqqqqv/zQsSsJcnyxj+ZyAKqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq
            qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqv/zQMRwAAADSAHAAACqqqqqqqqq
            qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq
            qqqqqqqqqqqq
            """;
}
