package strs

// The scanners of Chinese text (zh, document's line scan, charset) test
// eight bytes at a time, read as one word.
const (
	LowBits  uint64 = 0x0101010101010101 // the lowest bit of each byte of a word
	HighBits uint64 = 0x8080808080808080 // the highest bit of each byte
)

// Load64 returns the first eight bytes of s as a little-endian word.
func Load64(s string) uint64 {
	b := s[:8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}
