# publish

## รูปแบบเมื่อเผยแพร่ไม่สำเร็จ
publish-error = ข้อผิดพลาด: { $message }
publish-help = { "  " }วิธีแก้: { $help }

## บรรทัดสุดท้าย
publish-summary = ส่ง { $sent } ไฟล์ ลบ { $deleted } ไฟล์ { $mb } MB ใน { $seconds } วินาที
publish-summary-dry-run = จะส่ง { $sent } ไฟล์ ลบ { $deleted } ไฟล์ { $mb } MB (--dry-run: ยังไม่ได้ส่งอะไร)
publish-progress = { $n }/{ $total } ไฟล์ { $path }

## สิ่งที่กำลังทำเมื่อไฟล์มีปัญหา: "{ $doing } { $path }"
publish-doing-reading = อ่าน
publish-doing-sending = ส่ง
publish-doing-making-folder = สร้างโฟลเดอร์
publish-doing-deleting = ลบ
publish-doing-saving = บันทึก
publish-again = เว็บไซต์ที่ออนไลน์อยู่ยังใช้งานได้ครบ สั่ง `prongsai publish` อีกครั้ง จะทำต่อจากที่ค้างไว้
publish-no-permission = ไม่มีสิทธิ์เขียนในโฟลเดอร์ปลายทาง ({ $doing } { $path } ที่ { $dest }): { $error }
    .help = ขอให้ผู้ดูแลโฮสต์ (หรือฝ่ายไอที) ให้สิทธิ์ผู้ใช้นี้เขียนโฟลเดอร์นั้น หรือแก้โฟลเดอร์ใน publish.url ของ site.yaml { $again }
publish-disk-full = พื้นที่บนโฮสต์เต็ม ({ $doing } { $path } ที่ { $dest }): { $error }
    .help = ลบไฟล์เก่าที่ไม่ใช้บนโฮสต์ หรือขอพื้นที่เพิ่มจากผู้ให้บริการ { $again }
publish-connection-lost = การเชื่อมต่อกับ { $dest } ขาด ({ $doing } { $path }): { $error }
    .help = ตรวจการเชื่อมต่ออินเทอร์เน็ต { $again }
publish-io-failed = { $doing } { $path } ที่ { $dest } ไม่สำเร็จ: { $error }

## เว็บไซต์ที่สร้างไว้ และรายการไฟล์บนปลายทาง
publish-cannot-read-built = อ่านเว็บไซต์ที่สร้างไว้ใน { $folder } ไม่ได้: { $error }
    .help = สั่ง `prongsai build` แล้วลองอีกครั้ง
publish-cannot-read-file = อ่านไฟล์ { $path } ของเว็บไซต์ที่สร้างไว้ไม่ได้: { $error }
    .help = สั่ง `prongsai publish` อีกครั้ง (จะสร้างเว็บไซต์ใหม่ก่อน)
publish-manifest-damaged = รายการไฟล์ { $name } บน { $dest } เสียหาย: { $error }
    .help = ลบไฟล์ { $name } บนปลายทาง แล้วเผยแพร่อีกครั้ง ทุกไฟล์จะถูกส่งใหม่หมด และไฟล์ของมาตรการที่ลบไปแล้วจะค้างอยู่บนโฮสต์จนกว่าจะลบเอง
publish-manifest-bad-line = บรรทัด { $line } ไม่ได้อยู่ในรูป `hash size path`
publish-manifest-bad-size = บรรทัด { $line }: ขนาด `{ $size }` ไม่ใช่ตัวเลข

## การติดต่อโฮสต์และการเข้าระบบ
publish-host-not-found = ไม่พบโฮสต์ { $host }
    .help = ตรวจชื่อโฮสต์ใน publish.url ของ site.yaml และตรวจว่าเครื่องนี้ต่ออินเทอร์เน็ตอยู่
publish-cannot-connect = ติดต่อ { $host }:{ $port } ไม่ได้: { $error }
    .help = ตรวจพอร์ตใน publish.url (SFTP ใช้ 22 FTP ใช้ 21) ตรวจว่าโฮสต์เปิดอยู่ และไม่มีไฟร์วอลล์ปิดกั้น
publish-no-password = ไม่มีรหัสผ่านสำหรับ { $user }@{ $host }
    .help = ตั้งตัวแปร PRONGSAI_PASSWORD หรือสั่ง `prongsai publish` ในหน้าต่างคำสั่งเพื่อพิมพ์รหัสผ่าน
publish-password-prompt = รหัสผ่านของ { $user }@{ $host }:
publish-wrong-password = ชื่อผู้ใช้หรือรหัสผ่านของ { $user }@{ $host } ไม่ถูกต้อง
    .help = ตรวจชื่อผู้ใช้ใน publish.url และรหัสผ่าน (PRONGSAI_PASSWORD หรือที่พิมพ์) ให้ตรงกับที่ผู้ให้บริการโฮสต์ให้มา
publish-destination-missing = ไม่พบโฟลเดอร์ปลายทาง { $folder } หรือเข้าถึงไม่ได้
    .help = ตรวจ publish.url ใน site.yaml และตรวจว่าต่อไดรฟ์เครือข่ายอยู่ ถ้าเป็นโฟลเดอร์ใหม่ให้สร้างก่อน

## SFTP และกุญแจของเครื่อง
publish-ssh-failed = เริ่ม SFTP กับ { $host }:{ $port } ไม่ได้: { $error }
    .help = ตรวจชื่อโฮสต์และพอร์ตใน publish.url (SFTP มักใช้พอร์ต 22) และตรวจว่าโฮสต์เปิดให้ใช้ SFTP แล้วสั่ง `prongsai publish` อีกครั้ง
publish-no-host-key = เครื่องที่ฝากเว็บไม่ได้ส่งกุญแจมา
    .help = สอบถามผู้ดูแลโฮสต์ prongsai ไม่เผยแพร่ไปยังเครื่องที่ระบุตัวไม่ได้
publish-host-new = เครื่อง { $name } ยังไม่เคยเชื่อมต่อจากเครื่องนี้ ลายนิ้วมือกุญแจของเครื่องคือ { $seen }
publish-host-changed = กุญแจของเครื่อง { $name } เปลี่ยนไป อาจมีผู้ปลอมเป็นเครื่องนี้: เดิมเป็น { $old } ตอนนี้เป็น { $seen }
publish-host-not-trusted = { $what } จึงยังไม่ได้เผยแพร่
    .help = ขอลายนิ้วมือ SHA256 ของกุญแจจากผู้ดูแลโฮสต์ (หรือดูในหน้าควบคุมของผู้ให้บริการ) ถ้าตรงกับ { $seen } เท่านั้น จึงสั่ง `prongsai publish --accept-host-key { $seen }` (จะจำไว้ใน { $file })
publish-trust-question = เชื่อถือกุญแจนี้และจำไว้หรือไม่ (พิมพ์ y หรือ ใช่ แล้วกด Enter) [y/N]
publish-cannot-remember = บันทึกกุญแจของเครื่องลงใน { $file } ไม่ได้: { $error }
    .help = ตรวจว่าเขียนโฟลเดอร์นั้นได้

## FTP และ FTPS
publish-folder-missing = ไม่พบโฟลเดอร์ { $folder } บน { $host }
    .help = ตรวจโฟลเดอร์ใน publish.url (ตามที่ FileZilla แสดงหลังเข้าระบบ) หรือสร้างโฟลเดอร์นั้นบนโฮสต์ก่อน
publish-certificate-unreadable = อ่านไฟล์ใบรับรอง { $file } ไม่ได้: { $error }
    .help = publish.certificate ต้องเป็นชื่อไฟล์ PEM ในโฟลเดอร์ของเว็บไซต์ (ใบรับรองของโฮสต์ ขอได้จากผู้ให้บริการ)
publish-tls-failed = ตั้งค่าการเข้ารหัส TLS ไม่ได้: { $error }
    .help = แจ้งปัญหานี้ให้ผู้พัฒนาทราบ ระหว่างนี้ให้เผยแพร่ด้วย sftp://
publish-certificate-rejected = ใบรับรอง (certificate) ของ { $host } ไม่ตรงกับชื่อโฮสต์ หรือไม่น่าเชื่อถือ: { $error }
    .help = เขียนชื่อโฮสต์ใน publish.url ให้ตรงกับชื่อในใบรับรอง ถ้าโฮสต์ใช้ใบรับรองที่ออกเอง ให้ขอไฟล์ใบรับรองจากผู้ให้บริการ แล้วเพิ่ม `certificate: ชื่อไฟล์` ใต้ publish ใน site.yaml อย่าเปลี่ยนไปใช้ ftp:// เพื่อเลี่ยงปัญหานี้ เพราะรหัสผ่านจะถูกส่งผ่านเครือข่ายแบบใครก็อ่านได้
publish-ftp-failed = เริ่ม FTP กับ { $host }:{ $port } ไม่ได้: { $error }
    .help = ตรวจชื่อโฮสต์และพอร์ตใน publish.url (FTP มักใช้พอร์ต 21) แล้วสั่ง `prongsai publish` อีกครั้ง
