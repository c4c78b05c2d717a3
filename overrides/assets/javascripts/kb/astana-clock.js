// Astana time, computed as UTC + the configured offset from the clock itself: never from the
// browser's time-zone database (older devices still put Almaty at UTC+6) nor the user's own zone.

let skewMs = 0;

/** Trust another clock (the server's) by this many milliseconds ahead of the device's. */
export function setClockSkew(ms) {
  skewMs = ms;
}

export function now() {
  return new Date(Date.now() + skewMs);
}

/** Calendar fields of an instant as seen in a UTC+offset zone. */
export function zonedParts(date, offsetMinutes) {
  const shifted = new Date(date.getTime() + offsetMinutes * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay() || 7, // ISO: Monday 1 … Sunday 7
    hours: shifted.getUTCHours(),
    minutes: shifted.getUTCMinutes(),
  };
}

const pad = (n) => String(n).padStart(2, "0");

/** 25.11.2026 16:40, as people in Kazakhstan write a date and time in both languages. */
export function formatDateTime(date, offsetMinutes) {
  const p = zonedParts(date, offsetMinutes);
  return `${pad(p.day)}.${pad(p.month)}.${p.year} ${pad(p.hours)}:${pad(p.minutes)}`;
}
