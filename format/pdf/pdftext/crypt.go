package pdftext

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"hash"
	"math/big"
)

// decrypter undoes the standard security handler for files whose user
// password is empty: "encrypted" only to restrict printing or copying, as
// many published reports are. A file that needs a password to open is
// refused.
type decrypter struct {
	key        []byte
	stm, str   string // crypt method for streams and strings: "RC4", "AESV2", "AESV3", "" (none)
	encryptRef Ref
}

// padding is the password padding of the standard security handler.
var padding = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

func newDecrypter(f *file, encV any) (*decrypter, error) {
	enc := f.dict(encV)
	if enc == nil {
		return nil, fmt.Errorf("%w（加密字典缺失）", ErrEncrypted)
	}
	if filt := f.name(enc["Filter"]); filt != "Standard" {
		return nil, fmt.Errorf("%w（使用 %s 安全机制，需要证书或专用软件才能打开）", ErrEncrypted, filt)
	}
	v, _ := f.num(enc["V"])
	r, _ := f.num(enc["R"])
	str := func(k Name) []byte {
		s, _ := f.resolve(enc[k]).(String)
		return []byte(s)
	}
	o, u := str("O"), str("U")
	p, _ := f.num(enc["P"])
	d := &decrypter{}
	if ref, ok := encV.(Ref); ok {
		d.encryptRef = ref
	}
	method := "RC4"
	if v >= 4 {
		cfs := f.dict(enc["CF"])
		methodOf := func(n Name) string {
			if n == "Identity" || n == "" {
				return ""
			}
			switch f.name(f.dict(cfs[n])["CFM"]) {
			case "AESV2":
				return "AESV2"
			case "AESV3":
				return "AESV3"
			case "None":
				return ""
			}
			return "RC4"
		}
		d.stm = methodOf(f.name(enc["StmF"]))
		d.str = methodOf(f.name(enc["StrF"]))
		if d.stm != "" {
			method = d.stm
		} else {
			method = d.str
		}
	} else {
		d.stm, d.str = "RC4", "RC4"
	}
	if r >= 5 {
		key, ok := aes256Key(int(r), u, str("UE"))
		if !ok {
			return nil, fmt.Errorf("%w（需要打开密码）", ErrEncrypted)
		}
		d.key = key
		return d, nil
	}
	if method == "AESV3" {
		return nil, fmt.Errorf("%w（加密方式不受支持）", ErrEncrypted)
	}
	n := 5
	if r >= 3 {
		if l, ok := f.num(enc["Length"]); ok && l >= 40 && l <= 128 {
			n = int(l) / 8
		} else {
			n = 16
		}
	}
	var id0 []byte
	if ids := f.array(f.trailer["ID"]); len(ids) > 0 {
		s, _ := f.resolve(ids[0]).(String)
		id0 = []byte(s)
	}
	h := md5.New()
	h.Write(padding)
	h.Write(o)
	var pb [4]byte
	binary.LittleEndian.PutUint32(pb[:], uint32(int32(int64(p))))
	h.Write(pb[:])
	h.Write(id0)
	if em, ok := f.resolve(enc["EncryptMetadata"]).(bool); ok && !em && r >= 4 {
		h.Write([]byte{0xFF, 0xFF, 0xFF, 0xFF})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for range 50 {
			s := md5.Sum(key[:n])
			key = s[:]
		}
	}
	key = key[:n]
	// Check the empty user password against /U.
	var ok bool
	if r == 2 {
		c, _ := rc4.NewCipher(key)
		got := make([]byte, 32)
		c.XORKeyStream(got, padding)
		ok = bytes.Equal(got, u)
	} else {
		h := md5.New()
		h.Write(padding)
		h.Write(id0)
		got := h.Sum(nil)
		for i := range 20 {
			k := make([]byte, len(key))
			for j := range key {
				k[j] = key[j] ^ byte(i)
			}
			c, _ := rc4.NewCipher(k)
			c.XORKeyStream(got, got)
		}
		ok = len(u) >= 16 && bytes.Equal(got[:16], u[:16])
	}
	if !ok {
		return nil, fmt.Errorf("%w（需要打开密码）", ErrEncrypted)
	}
	d.key = key
	return d, nil
}

// aes256Key checks the empty user password of an AES-256 file (R5, R6)
// and returns the file key.
func aes256Key(r int, u, ue []byte) ([]byte, bool) {
	if len(u) < 48 || len(ue) < 32 {
		return nil, false
	}
	hashOf := func(salt []byte) []byte {
		if r == 5 {
			s := sha256.Sum256(salt)
			return s[:]
		}
		return hash2B(nil, salt, nil)
	}
	if !bytes.Equal(hashOf(u[32:40]), u[:32]) {
		return nil, false
	}
	k := hashOf(u[40:48])
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, false
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue[:32])
	return key, true
}

// hash2B is algorithm 2.B of ISO 32000-2 (the R6 password hash).
func hash2B(pw, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	for i := 0; ; i++ {
		var k1 []byte
		for range 64 {
			k1 = append(k1, pw...)
			k1 = append(k1, k...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		var hf hash.Hash
		switch new(big.Int).Mod(new(big.Int).SetBytes(e[:16]), big.NewInt(3)).Int64() {
		case 0:
			hf = sha256.New()
		case 1:
			hf = sha512.New384()
		default:
			hf = sha512.New()
		}
		hf.Write(e)
		k = hf.Sum(nil)
		if i >= 63 && int(e[len(e)-1]) <= i-32 {
			break
		}
	}
	return k[:32]
}

// objectKey is the key of object ref for method m.
func (d *decrypter) objectKey(ref Ref, m string) []byte {
	if m == "AESV3" {
		return d.key
	}
	h := md5.New()
	h.Write(d.key)
	h.Write([]byte{byte(ref.Num), byte(ref.Num >> 8), byte(ref.Num >> 16), byte(ref.Gen), byte(ref.Gen >> 8)})
	if m == "AESV2" {
		h.Write([]byte("sAlT"))
	}
	k := h.Sum(nil)
	return k[:min(len(d.key)+5, 16)]
}

func (d *decrypter) crypt(b []byte, ref Ref, m string) []byte {
	switch m {
	case "":
		return b
	case "RC4":
		c, err := rc4.NewCipher(d.objectKey(ref, m))
		if err != nil {
			return b
		}
		out := make([]byte, len(b))
		c.XORKeyStream(out, b)
		return out
	}
	// AES-CBC, the IV first, PKCS#5 padding.
	if len(b) < 32 || len(b)%16 != 0 {
		return nil
	}
	block, err := aes.NewCipher(d.objectKey(ref, m))
	if err != nil {
		return b
	}
	out := make([]byte, len(b)-16)
	cipher.NewCBCDecrypter(block, b[:16]).CryptBlocks(out, b[16:])
	if n := int(out[len(out)-1]); n >= 1 && n <= 16 && n <= len(out) {
		out = out[:len(out)-n]
	}
	return out
}

func (d *decrypter) decryptBytes(b []byte, ref Ref) []byte {
	return d.crypt(b, ref, d.stm)
}

// decrypt decrypts the strings of object v read as object num, gen.
func (f *file) decrypt(v any, num, gen int) any {
	if f.crypt == nil || (num == f.crypt.encryptRef.Num && f.crypt.encryptRef.Num != 0) {
		return v
	}
	ref := Ref{num, gen}
	var walk func(v any, depth int) any
	walk = func(v any, depth int) any {
		if depth > maxNesting {
			return v
		}
		switch x := v.(type) {
		case String:
			return String(f.crypt.crypt([]byte(x), ref, f.crypt.str))
		case Array:
			for i := range x {
				x[i] = walk(x[i], depth+1)
			}
		case Dict:
			for k := range x {
				x[k] = walk(x[k], depth+1)
			}
		case *Stream:
			walk(x.Dict, depth+1)
			x.ref = ref
		}
		return v
	}
	return walk(v, 0)
}
