@echo off
rem Double-click: preview the site in site\ in the browser; rebuilds on every save. Never writes site\public.
chcp 65001 >nul
setlocal
rem prongsai.exe speaks Thai here, like these lines, whatever language Windows is set to.
if not defined PRONGSAI_LANG set PRONGSAI_LANG=th
cd /d "%~dp0"
echo ============================================================
echo  ดูตัวอย่างเว็บไซต์ (prongsai serve)
echo  แก้ไฟล์ในโฟลเดอร์ site\content แล้วบันทึก หน้าเว็บจะเปลี่ยนเอง
echo  เลิกดูตัวอย่าง: กด Ctrl+C
echo  (ถ้าถาม Terminate batch job (Y/N)? ให้พิมพ์ N แล้วกด Enter)
echo ============================================================
echo.
"%~dp0prongsai.exe" serve --root "%~dp0site" --open
if errorlevel 1 goto failed
echo.
echo หยุดดูตัวอย่างแล้ว
echo การดูตัวอย่างไม่ได้สร้างโฟลเดอร์ site\public ใหม่:
echo ก่อนอัปโหลด ให้ดับเบิลคลิก 3-build.cmd ทุกครั้ง
goto end
:failed
echo.
echo เปิดดูตัวอย่างไม่ได้ อ่านข้อความด้านบน (เช่น ไม่พบโฟลเดอร์ site หรือไฟล์ site.yaml)
:end
echo.
echo กดปุ่มใดก็ได้เพื่อปิดหน้าต่างนี้
pause >nul
