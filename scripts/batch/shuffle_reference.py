"""Independent transcription of BatchShuffle (SHA-256 seed, SplitMix64, xoshiro256**, Lemire, Fisher-Yates)
used to pin the order in BatchRouterTests.testTheOrderIsAStableShuffleWithGoldSpreadThrough.
Run: python3 scripts/batch/shuffle_reference.py  -> the order of 10 tasks for batch "batch-07", rater "ana"."""
import hashlib
M=(1<<64)-1
def mix(z):
    z=((z^(z>>30))*0xBF58476D1CE4E5B9)&M
    z=((z^(z>>27))*0x94D049BB133111EB)&M
    return z^(z>>31)
class SM:
    def __init__(s,x): s.s=x
    def next(s):
        s.s=(s.s+0x9E3779B97F4A7C15)&M; return mix(s.s)
def rotl(x,k): return ((x<<k)|(x>>(64-k)))&M
class X:
    def __init__(s,seed):
        e=SM(seed); s.s=[e.next() for _ in range(4)]
    def next(s):
        s0,s1,s2,s3=s.s
        r=(rotl((s1*5)&M,7)*9)&M
        t=(s1<<17)&M
        s2^=s0; s3^=s1; s1^=s2; s0^=s3; s2^=t; s3=rotl(s3,45)
        s.s=[s0,s1,s2,s3]; return r
    def below(s,b):
        p=s.next()*b; lo=p&M
        if lo<b:
            th=((1<<64)-b)%b
            while lo<th: p=s.next()*b; lo=p&M
        return p>>64
def order(n,name,rater):
    d=hashlib.sha256(b"prefer-batch-order\0"+name.encode()+b"\0"+rater.encode()).digest()
    g=X(int.from_bytes(d[:8],'big'))
    a=list(range(n))
    for i in range(n-1,0,-1):
        j=g.below(i+1); a[i],a[j]=a[j],a[i]
    return a
print(order(10,"batch-07","ana"))
