package xmltok

import "encoding/xml"

// Offset returns the offset in the part of the byte after the last token
// read, as encoding/xml's InputOffset: a reader that stops reading tokens
// (package xlsx, past a sheet's row limit) scans the rest of the part's
// bytes from there.
func (d *Decoder) Offset() int64 {
	if d.slow != nil {
		return d.slow.InputOffset()
	}
	return int64(d.pos)
}

// Local returns the local name of the start or end element just read,
// as Name().Local, without resolving its namespace.
func (d *Decoder) Local() string {
	if d.slow != nil {
		return d.slowName.Local
	}
	e := d.stack[len(d.stack)-1]
	return d.src[e.local:e.end]
}

// FromXML returns a Decoder that reads every token with xd, which its
// caller has set up: a part too large to hold in memory streamed, or one
// that needs xd's CharsetReader. Its methods are those of a Decoder that
// has handed over to encoding/xml; Skip reads nothing and Offset is xd's
// InputOffset.
func FromXML(xd *xml.Decoder) *Decoder {
	return &Decoder{slow: xd, ns: map[string]string{}}
}

// NumAttrs returns the number of attributes of the start element just
// read, namespace bindings included, as in Attrs.
func (d *Decoder) NumAttrs() int {
	if d.slow != nil {
		return len(d.slowAttr)
	}
	return len(d.attrs)
}

// AttrAt returns the local name and the value of the i-th attribute of
// the start element just read, as Attrs()[i] has them, without making
// the slice.
func (d *Decoder) AttrAt(i int) (local, value string) {
	if d.slow != nil {
		return d.slowAttr[i].Name.Local, d.slowAttr[i].Value
	}
	a := d.attrs[i]
	return d.src[a.local:a.end], d.attrValue(a)
}
