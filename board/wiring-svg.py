#!/usr/bin/env python3
"""board/wiring-svg.py - draws board/wiring.svg (the default wiring in
board/wiring.md). Run it after changing the pin map: python3 board/wiring-svg.py"""
import os
W, H = 980, 800
TOP = 110; SP = 30
def y(pin): return TOP + ((pin - 1) // 2) * SP
XO, XE = 470, 510   # odd / even pin columns
out = []
a = out.append
a(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="DejaVu Sans, Verdana, sans-serif">')
a('<title>OurVoice default wiring: buttons, key switch and lights on the Raspberry Pi 40-pin header</title>')
a(f'<rect width="{W}" height="{H}" fill="#FFFFFF"/>')
a('<text x="30" y="40" font-size="24" font-weight="bold" fill="#1D2733">OurVoice: default button wiring (Raspberry Pi 40-pin header)</text>')
a('<text x="30" y="68" font-size="15" fill="#1D2733">Buttons: switch COM to GND, NO to the GPIO pin (internal pull-up, no resistors). Lights: pin high = on.</text>')
# header
a(f'<rect x="{XO-22}" y="{TOP-22}" width="{XE-XO+44}" height="{SP*19+44}" rx="6" fill="#1D2733"/>')
a(f'<text x="{(XO+XE)//2}" y="{TOP-30}" font-size="13" text-anchor="middle" fill="#1D2733">pin 1 = the square solder pad</text>')
power = {1: '#F0A030', 17: '#F0A030', 2: '#D03030', 4: '#D03030'}
gnd = {6, 9, 14, 20, 25, 30, 34, 39}
used = {11, 29, 31, 33, 35, 37, 32, 36, 38, 40, 9, 39, 34}
for p in range(1, 41):
    x = XO if p % 2 else XE
    fill = power.get(p, '#000000' if p in gnd else '#C8CDD2')
    stroke = '#FFD400' if p in used else '#5A6570'
    a(f'<rect x="{x-9}" y="{y(p)-9}" width="18" height="18" rx="2" fill="{fill}" stroke="{stroke}" stroke-width="{3 if p in used else 1}"/>')
# small pin-number labels inside header gaps
for p in (1, 2):
    x = XO - 30 if p % 2 else XE + 30
    anchor = 'end' if p % 2 else 'start'
    a(f'<text x="{x}" y="{y(p)+5}" font-size="12" text-anchor="{anchor}" fill="#5A6570">{p}</text>')

def face(cx, cy, kind, r=22):
    s = [f'<circle cx="{cx-7}" cy="{cy-6}" r="2.8" fill="#1D2733"/>', f'<circle cx="{cx+7}" cy="{cy-6}" r="2.8" fill="#1D2733"/>']
    m = {'sad': f'M{cx-9},{cy+11} Q{cx},{cy+1} {cx+9},{cy+11}',
         'flat': f'M{cx-9},{cy+7} L{cx+9},{cy+7}',
         'ok': f'M{cx-8},{cy+5} Q{cx},{cy+11} {cx+8},{cy+5}',
         'happy': f'M{cx-10},{cy+3} Q{cx},{cy+17} {cx+10},{cy+3}'}[kind]
    s.append(f'<path d="{m}" fill="none" stroke="#1D2733" stroke-width="3" stroke-linecap="round"/>')
    return ''.join(s)

BX = 150   # button centre x
buttons = [  # pin, colour, face, name, gpio, label
    (29, '#D55E00', 'sad', '1 (left): red, sad face', 'GPIO5'),
    (31, '#E69F00', 'flat', '2: amber, flat mouth', 'GPIO6'),
    (33, '#8CD17D', 'ok', '3: light green, small smile', 'GPIO13'),
    (35, '#008F68', 'happy', '4 (right): green, big smile', 'GPIO19'),
    (37, '#0072B2', None, 'hear it again: blue', 'GPIO26'),
]
# button rows need more room than 30 px: put buttons in their own column with 62 px spacing, wires bend
BY0 = 300
GX = 40   # GND bus x
for i, (pin, col, fc, label, gpio) in enumerate(buttons):
    by = BY0 + i * 72
    py = y(pin)
    # wire: button -> right to x=360 -> vertical to pin row -> to pin
    xm = 430 - i * 12
    a(f'<path d="M{BX+24},{by} L{xm},{by} L{xm},{py} L{XO-9},{py}" fill="none" stroke="#0072B2" stroke-width="3"/>')
    a(f'<text x="{BX+34}" y="{by-8}" font-size="14" font-weight="bold" fill="#1D2733">{gpio} · pin {pin}</text>')
    a(f'<text x="{BX-40}" y="{by+42}" font-size="12.5" fill="#1D2733">{label}</text>')
    # GND stub (COM) to bus
    a(f'<path d="M{BX-24},{by} L{GX},{by}" fill="none" stroke="#1D2733" stroke-width="3"/>')
    a(f'<circle cx="{BX}" cy="{by}" r="24" fill="{col}" stroke="#1D2733" stroke-width="3"/>')
    if fc:
        a(face(BX, by, fc))
    else:  # speaker symbol
        a(f'<path d="M{BX-12},{by-6} L{BX-5},{by-6} L{BX+4},{by-14} L{BX+4},{by+14} L{BX-5},{by+6} L{BX-12},{by+6} Z" fill="#FFFFFF" stroke="#1D2733" stroke-width="2"/>')
        a(f'<path d="M{BX+9},{by-7} Q{BX+15},{by} {BX+9},{by+7}" fill="none" stroke="#FFFFFF" stroke-width="3" stroke-linecap="round"/>')
# button GND bus to pin 39
lastby = BY0 + 4 * 72
a(f'<path d="M{GX},{BY0} L{GX},{lastby+70} L{440},{lastby+70} L{440},{y(39)} L{XO-9},{y(39)}" fill="none" stroke="#1D2733" stroke-width="3"/>')
a(f'<text x="{GX+10}" y="{lastby+62}" font-size="14" font-weight="bold" fill="#1D2733">GND · pin 39 (all buttons\' COM)</text>')
# key switch at pin 11, GND pin 9
ky = y(11) - 10
a(f'<path d="M{BX+24},{ky} L{XO-60},{ky} L{XO-60},{y(11)} L{XO-9},{y(11)}" fill="none" stroke="#0072B2" stroke-width="3"/>')
a(f'<path d="M{BX-24},{ky} L{GX+20},{ky} L{GX+20},{ky-60} L{XO-80},{ky-60} L{XO-80},{y(9)} L{XO-9},{y(9)}" fill="none" stroke="#1D2733" stroke-width="3"/>')
a(f'<rect x="{BX-24}" y="{ky-18}" width="48" height="36" rx="8" fill="#A7B1BC" stroke="#1D2733" stroke-width="3"/>')
a(f'<circle cx="{BX-6}" cy="{ky}" r="7" fill="#F0E442" stroke="#1D2733" stroke-width="2"/><rect x="{BX}" y="{ky-3}" width="16" height="6" fill="#F0E442" stroke="#1D2733" stroke-width="2"/>')
a(f'<text x="{BX+34}" y="{ky-8}" font-size="14" font-weight="bold" fill="#1D2733">GPIO17 · pin 11</text>')
a(f'<text x="{BX-40}" y="{ky-30}" font-size="12.5" fill="#1D2733">facilitator key switch</text>')
a(f'<text x="{GX+30}" y="{ky-68}" font-size="14" font-weight="bold" fill="#1D2733">GND · pin 9</text>')
# lights
LX = 800
lights = [(32, '#D55E00', 'GPIO12', 'Light 1 (red button)'), (36, '#E69F00', 'GPIO16', 'Light 2 (amber button)'),
          (38, '#8CD17D', 'GPIO20', 'Light 3 (light green button)'), (40, '#008F68', 'GPIO21', 'Light 4 (green button)')]
LY0 = 300
RG = 940
for i, (pin, col, gpio, label) in enumerate(lights):
    ly = LY0 + i * 72
    py = y(pin)
    xm = 580 + i * 14
    a(f'<path d="M{XE+9},{py} L{xm},{py} L{xm},{ly} L{LX-18},{ly}" fill="none" stroke="#CC4400" stroke-width="3"/>')
    a(f'<text x="{xm+10}" y="{ly-8}" font-size="14" font-weight="bold" fill="#1D2733">{gpio} · pin {pin}</text>')
    a(f'<text x="{LX-110}" y="{ly+38}" font-size="12.5" fill="#1D2733">{label}</text>')
    a(f'<path d="M{LX+18},{ly} L{RG},{ly}" fill="none" stroke="#1D2733" stroke-width="3"/>')
    # LED symbol: circle with rays
    a(f'<circle cx="{LX}" cy="{ly}" r="16" fill="{col}" stroke="#1D2733" stroke-width="3"/>')
    a(f'<path d="M{LX-6},{ly-8} L{LX-6},{ly+8} L{LX+7},{ly} Z M{LX+7},{ly-8} L{LX+7},{ly+8}" fill="#1D2733" stroke="#1D2733" stroke-width="2"/>')
lastly = LY0 + 3 * 72
def ground(x, yy):
    return (f'<path d="M{x},{yy} L{x},{yy+10} M{x-12},{yy+10} L{x+12},{yy+10} M{x-8},{yy+15} L{x+8},{yy+15} '
            f'M{x-4},{yy+20} L{x+4},{yy+20}" fill="none" stroke="#1D2733" stroke-width="3"/>')
# each LED's cathode goes to a ground symbol; pin 34 is that ground
for i in range(4):
    ly = LY0 + i * 72
    a(ground(RG, ly))
a(f'<path d="M{XE+9},{y(34)} L{545},{y(34)}" fill="none" stroke="#1D2733" stroke-width="3"/>')
a(ground(545, y(34)))
a(f'<text x="{700}" y="{lastly+70}" font-size="14" font-weight="bold" fill="#1D2733">every LED − to GND (pin 34)</text>')
# notes
ny = H - 58
a(f'<text x="30" y="{ny}" font-size="13.5" fill="#1D2733">Lights shown: LEDs with built-in resistor (8 mA or less each at 3.3 V). 12 V lamps: one NPN transistor or a ULN2803A channel per lamp;</text>')
a(f'<text x="30" y="{ny+20}" font-size="13.5" fill="#1D2733">never connect 5 V or 12 V to a GPIO pin. I2S audio HAT? It needs GPIO18–21: move answer 4 and lights 3–4 (see board/wiring.md).</text>')
a(f'<text x="30" y="{ny+40}" font-size="13.5" fill="#1D2733">Power pins: orange = 3.3 V (1, 17), red = 5 V (2, 4), black = GND. Pins used here have a yellow edge.</text>')
a('</svg>')
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'wiring.svg'), 'w').write('\n'.join(out) + '\n')
